"""Pyre's `Multiply` over dims: merging the spatial axes of a Tensor[B, C, H, W] gives
Tensor[B, C, H*W]; the channels were merged with the height instead."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def merge_spatial(x: Tensor[B, C, H, W]) -> Tensor[B, C, "H*W"]:
    b, c, h, w = x.shape
    return x.reshape(b, c, h * w)


print(merge_spatial(tf.randn(2, 3, 4, 5)).shape)
