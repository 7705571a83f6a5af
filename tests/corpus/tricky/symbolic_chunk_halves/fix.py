"""A generic GLU splits 2*N features into halves; the gate is applied to the wrong half width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


@tf.shapecheck
def glu(x: Tensor[B, "2*N"]) -> Tensor[B, N]:
    a, b = tf.chunk(x, 2)
    return a * tf.sigmoid(b)


print(glu(tf.randn(3, 8)).shape)
