"""numpy arrays as operands (``x + pe`` with a positional table made in numpy, ``arr * x``):
the run time takes them (an array is a constant; numpy hands ``arr * x`` to the tensor's
``__rmul__``), and the result is a Tensor. Before, ``x + arr`` and ``arr * x`` were typed as
numpy's ``ndarray``, so giving the result to a layer was a false ``[arg-type]`` in
``Literal`` words. The array's shape is not read, so the result's shape is not known."""

import numpy as np
from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Dense, Tensor

T, D = 6, 8
pos = np.arange(T, dtype=np.float32)[:, None] / (10000.0 ** (np.arange(D, dtype=np.float32) / D))
pe = np.sin(pos).astype(np.float32)  # a sinusoidal position table, made in numpy
x: Tensor[2, 6, 8] = tf.randn(2, T, D)
head = Dense(8, 4)

reveal_type(x + pe)  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
reveal_type(pe * x)  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
reveal_type(pe @ x[0].T)  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
reveal_type(pe < x)  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
reveal_type(x >= pe)  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
reveal_type(tf.maximum(x, pe))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
out = head(x + pe)
out2 = head(pe * x - pe)
assert out.shape == out2.shape == (2, 6, 4)
summed = head(x) + np.ones((2, 6, 4), dtype=np.float32)
assert summed.shape == (2, 6, 4)
wrong = Dense(4, 3)(tf.randn(2, 6, 8) + np.float32(1.0))  # E: Dense(4 => 3) expects input Tensor[..., 4], got Tensor[2, 6, 8]; need size 4 at axis -1 (got 8)  [shape]
