"""Pyre's `torch.mm` chain, translated: a projection back through the first matrix needs its
transpose."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
K = TypeVar("K", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def back_project(a: Tensor[N, K], c: Tensor[N, M]) -> Tensor[K, M]:
    return a @ c  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[N, K], w has Tensor[N, M]; need x.shape[-1] == w.shape[-2] (K vs N); did you mean to transpose x (x.T)?  [shape]


print(back_project(tf.randn(4, 3), tf.randn(4, 5)).shape)
