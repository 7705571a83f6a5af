"""A planar normalising flow f(z) = z + u * tanh(w.z + b): the inner product per sample
must be a column to scale u; it was left as a vector."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def planar(z: Tensor[N, D], u: Tensor[D], w: Tensor[D], b: float) -> Tensor[N, D]:
    return z + u * tf.tanh(z @ w + b)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[D], y has Tensor[N]; need equal sizes or 1 at axis -1 (D vs N)  [shape]


print(planar(tf.randn(5, 3), tf.randn(3), tf.randn(3), 0.1).shape)
