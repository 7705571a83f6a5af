"""Pyre's tensor-shape test of a generic linear layer, translated: the weight is stored
(out, in), as PyTorch's is, and was multiplied untransposed."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
K = TypeVar("K", bound=int)


@tf.shapecheck
def linear(x: Tensor[N, M], w: Tensor[K, M]) -> Tensor[N, K]:
    return x @ w  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[N, M], w has Tensor[K, M]; need x.shape[-1] == w.shape[-2] (M vs K); did you mean to transpose w (w.T)?  [shape]


print(linear(tf.randn(5, 3), tf.randn(4, 3)).shape)
