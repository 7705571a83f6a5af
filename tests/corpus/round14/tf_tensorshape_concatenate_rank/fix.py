"""TensorFlow's TensorShape tests (translated): concatenating the shapes (N, M) and (K,) gives
a rank-3 shape; an outer product of a matrix and a vector keeps all three axes, but the
result was summed over the vector's axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
K = TypeVar("K", bound=int)


@tf.shapecheck
def outer(a: Tensor[N, M], v: Tensor[K]) -> Tensor[N, M, K]:
    return a[:, :, None] * v


print(outer(tf.ones(2, 3), tf.ones(4)).shape)
