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
print(matmul(a, b).shape)  # BUG  # E: Dim "M" differs for "matmul": argument "x" gives M = 4, argument "y" gives M = 5; need one size for M (4 vs 5)  [shape]  # N: N=3, M=4
