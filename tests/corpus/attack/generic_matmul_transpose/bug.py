"""(Pyre style) a generic projection multiplies by the transposed weight."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
D = TypeVar("D", bound=int)
K = TypeVar("K", bound=int)


@tf.shapecheck
def project(x: Tensor[B, N, D], w: Tensor[D, K]) -> Tensor[B, N, K]:
    return x @ w.T  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[B, N, D], w has Tensor[K, D]; need x.shape[-1] == w.shape[-2] (D vs K); did you mean to transpose w (w.T)?  [shape]


print(project(tf.randn(2, 3, 4), tf.randn(4, 5)).shape)
