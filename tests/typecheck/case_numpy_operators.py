"""numpy's ufuncs that are Python operators, given a Tensor and no keyword, run the tensor's
operator at run time (``np.multiply(a, x)`` is ``x.__rmul__(a)``): a Tensor, on the tape,
typed by that operator's rule, with its words for a mismatch (numpy's stubs say ``ndarray``).
A numpy argument a Tensor's reduction has no counterpart for (``np.mean(x, dtype=...)``) is
refused at run time by name: the checker refuses it in the same words (``[call-arg]``). Any
other ufunc given a Tensor (``np.exp(x)``, an operator with a keyword) is a ``TypeError`` at run
time naming typedflux's function: the checker says the same words (``[arg-type]``), and the
call's value is ``Any`` (tests/test_numpy_calls.py runs each such line and compares)."""

from typing import Optional

import numpy as np
from typing_extensions import reveal_type

import typedflux as tf

x = tf.randn(3, 4)
a = np.ones((3, 4), dtype=np.float32)
reveal_type(np.multiply(a, x))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
reveal_type(np.multiply(x, 2.0))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[4]]"
reveal_type(np.add(x, tf.randn(4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[4]]"
reveal_type(np.subtract(1.0, x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[4]]"
reveal_type(np.negative(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[4]]"
reveal_type(np.less(0.5, x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[4]]"
reveal_type(np.matmul(x, tf.randn(4, 2)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[2]]"
bad = np.add(x, tf.randn(5))  # E: Cannot broadcast for "add": x has Tensor[3, 4], y has Tensor[5]; need equal sizes or 1 at axis -1 (4 vs 5)  [shape]
bad_matmul = np.matmul(x, tf.randn(3, 2))  # E: Inner dimensions differ for "matmul": x has Tensor[3, 4], w has Tensor[3, 2]; need x.shape[-1] == w.shape[-2] (4 vs 3); did you mean to transpose x (x.T)?  [shape]
fixed = np.add(x, tf.randn(4)) * 2.0
reveal_type(np.mean(x, axis=0, dtype=None))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4]]"
refused = lambda: np.mean(x, dtype=np.float32)  # E: np.mean(): typedflux does not take dtype= on a Tensor; call x.mean(...) and convert the result, or np.mean(np.asarray(x), ...)  [call-arg]


def maybe(dt: Optional[type]) -> None:
    # Refused only when the value is not None: not provable here.
    print(np.sum(x, dtype=dt))


# Ufuncs that are no operator, given a Tensor: refused (a TypeError at run time).
refused_exp = lambda: np.exp(x)  # E: np.exp() does not run on a Tensor (numpy's functions would leave the tape); use tf.exp, or np.exp(x.numpy()) for an array  [arg-type]
refused_maximum = lambda: np.maximum(a, x)  # E: np.maximum() does not run on a Tensor (numpy's functions would leave the tape); use tf.maximum, or np.maximum(x.numpy()) for an array  [arg-type]
refused_square = lambda: np.square(x)  # E: np.square() does not run on a Tensor (numpy's functions would leave the tape); use x ** 2, or np.square(x.numpy()) for an array  [arg-type]
refused_arctan2 = lambda: np.arctan2(x, x)  # E: np.arctan2() does not run on a Tensor (numpy's functions would leave the tape); typedflux has no arctan2; use np.arctan2(x.numpy()) for an array  [arg-type]
refused_keyword = lambda: np.add(x, 1.0, dtype=np.float32)  # E: np.add() does not run on a Tensor (numpy's functions would leave the tape); use tf.add, or np.add(x.numpy()) for an array  [arg-type]



def exp_value() -> None:
    reveal_type(np.exp(x))  # E: np.exp() does not run on a Tensor (numpy's functions would leave the tape); use tf.exp, or np.exp(x.numpy()) for an array  [arg-type]  # N: Revealed type is "Any"


fixed_exp = tf.exp(x) + np.exp(x.numpy())
reveal_type(np.exp(a))  # N: Revealed type is "numpy.ndarray[tuple[Any, ...], numpy.dtype[Any]]"
