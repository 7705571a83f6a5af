"""Pyre's `torch.bmm` shape test, translated: one batch size B for both operands; a shared
(1, M, K) weight was passed, which plain matmul would broadcast but the annotation refuses."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
K = TypeVar("K", bound=int)


@tf.shapecheck
def bmm(a: Tensor[B, N, M], b: Tensor[B, M, K]) -> Tensor[B, N, K]:
    return a @ b


shared = tf.randn(1, 4, 5)
print(bmm(tf.randn(3, 2, 4), shared).shape)  # BUG  # E: Dim "B" differs for "bmm": argument "a" gives B = 3, argument "b" gives B = 1; need one size for B (3 vs 1)  [shape]  # N: B=3, N=2, M=4
