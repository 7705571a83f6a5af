"""A pyright-checked helper (Literal sizes) computing per-channel means of an image batch
reduced the wrong axes."""
from typing import Literal, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def channel_means(x: Tensor[B, Literal[3], Literal[32], Literal[32]]) -> Tensor[Literal[3]]:
    return x.mean(axis=(1, 2, 3))  # BUG  # E: Return shape Tensor[B] does not match the annotation Tensor[3]: axis 0 is B, expected 3  [shape]


print(channel_means(tf.rand(4, 3, 32, 32)).shape)
