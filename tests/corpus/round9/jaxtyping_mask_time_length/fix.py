"""jaxtyping's dims shared by a sequence and its padding mask, translated: a masked mean over
time called with a mask one step short."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def masked_mean(x: Tensor[B, T, D], mask: Tensor[B, T]) -> Tensor[B, D]:
    return (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)


x = tf.randn(2, 6, 8)
mask = tf.ones(2, 6)
print(masked_mean(x, mask).shape)
