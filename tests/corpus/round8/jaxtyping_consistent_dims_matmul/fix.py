"""jaxtyping's consistent named dims: matmul(x: "n m", y: "m k") -> "n k", called with
inner sizes that differ."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
K = TypeVar("K", bound=int)


@tf.shapecheck
def matmul(x: Tensor[N, M], y: Tensor[M, K]) -> Tensor[N, K]:
    return x @ y


a = tf.randn(3, 4)
b = tf.randn(5, 2)
print(matmul(a, tf.randn(4, 2)).shape)
