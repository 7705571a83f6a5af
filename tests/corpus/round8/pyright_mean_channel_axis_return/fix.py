"""A pyright-checked helper (Literal sizes) computing per-channel means of an image batch
reduced the wrong axes."""
from typing import Literal, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def channel_means(x: Tensor[B, Literal[3], Literal[32], Literal[32]]) -> Tensor[Literal[3]]:
    return x.mean(axis=(0, 2, 3))


print(channel_means(tf.rand(4, 3, 32, 32)).shape)
