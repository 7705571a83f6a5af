"""n2cholas/shapecheck's `@check_shapes('N,M', 'M,K', out_='N,K')`, translated: the caller
passed the operands in the other order."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
K = TypeVar("K", bound=int)


@tf.shapecheck
def matmul(a: Tensor[N, M], b: Tensor[M, K]) -> Tensor[N, K]:
    return a @ b


features, weights = tf.randn(10, 3), tf.randn(3, 5)
print(matmul(weights, features).shape)  # BUG  # E: Dim "M" differs for "matmul": argument "a" gives M = 5, argument "b" gives M = 10; need one size for M (5 vs 10)  [shape]  # N: N=3, M=5
