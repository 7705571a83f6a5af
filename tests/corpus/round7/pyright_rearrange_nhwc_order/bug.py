"""Translated from a pyright tensor-shape sample: channels-first to channels-last; the
pattern swapped height and width on the way."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def to_nhwc(x: Tensor[B, C, H, W]) -> Tensor[B, H, W, C]:
    return tf.rearrange(x, "b c h w -> b w h c")  # BUG  # E: Return shape Tensor[B, W, H, C] does not match the annotation Tensor[B, H, W, C]: axis 1 is W, expected H  [shape]


print(to_nhwc(tf.ones(2, 3, 4, 5)).shape)
