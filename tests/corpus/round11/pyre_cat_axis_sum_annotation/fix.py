"""Pyre's tensor stubs type `torch.cat` along a dim as the sum of the sizes there, translated: a
function joins two (N, D) blocks row-wise and annotates N + M rows, but joined along the
feature axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def stack_rows(a: Tensor[N, 16], b: Tensor[M, 16]) -> Tensor["N+M", 16]:
    return tf.cat(a, b, axis=0)


print(stack_rows(tf.randn(3, 16), tf.randn(5, 16)).shape)
