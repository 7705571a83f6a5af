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
print(bmm(tf.randn(3, 2, 4), tf.repeat(shared, 3, 1, 1)).shape)
