"""numpy's reductions on a Tensor (``np.sum(x, axis=1)``) are the Tensor's own methods at run
time (typedflux/numpy_calls.py), and the checker types them so: a Tensor of the method's
shape, with the method's words for a wrong axis; numpy's own types stand for arrays."""

from typing import TypeVar

import numpy as np
from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)

x = tf.zeros(32, 10)
reveal_type(np.sum(x, axis=1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32]]"
reveal_type(np.mean(x))  # N: Revealed type is "typedflux.tensor.Tensor[()]"
reveal_type(np.argmax(x, axis=1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32]]"
reveal_type(np.amax(x, 0, keepdims=True))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[1], Literal[10]]"
reveal_type(np.std(x, axis=0, ddof=1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[10]]"
centred = x - np.mean(x, axis=0).reshape(32, 1)  # E: Cannot reshape for "reshape": x has Tensor[10], target is (32, 1); need equal element counts (10 vs 32)  [shape]
centred_fixed = x - np.mean(x, axis=1).reshape(32, 1)
reveal_type(centred_fixed)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"
out_of_range = np.max(x, axis=2)  # E: Axis out of range for "max": x has Tensor[32, 10]; need -2 <= axis < 2 (axis 2)  [shape]
grads = tf.gradient(lambda t: np.mean((t - 1.0) ** 2), x)  # on the tape, as t.mean() is
reveal_type(tf.softmax(np.sum(x, axis=0)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[10]]"
reveal_type(np.sum(np.zeros((3, 4)), axis=0))  # N: Revealed type is "Any"


@tf.shapecheck
def scores(x: Tensor[B, 10]) -> Tensor[B]:
    return np.max(x, axis=0)  # E: Return shape Tensor[10] does not match the annotation Tensor[B]: axis 0 is 10, expected B  [shape]


@tf.shapecheck
def scores_fixed(x: Tensor[B, 10]) -> Tensor[B]:
    return np.max(x, axis=1)


scores(tf.ones(4, 10))
scores_fixed(tf.ones(4, 10))
