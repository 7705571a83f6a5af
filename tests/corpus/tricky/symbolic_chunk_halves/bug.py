"""A generic GLU splits 2*N features into halves; the gate is applied to the wrong half width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


@tf.shapecheck
def glu(x: Tensor[B, "2*N"]) -> Tensor[B, N]:
    a, b = tf.chunk(x, 2)
    return a * tf.sigmoid(x)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[B, N], y has Tensor[B, 2*N]; need equal sizes or 1 at axis -1 (N vs 2*N)  [shape]


print(glu(tf.randn(3, 8)).shape)
