"""Pyre style: a conv's output size in the return annotation; the conv pads, so the size
does not shrink."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)
conv = Conv((3, 3), 3, 8, pad=1)


@tf.shapecheck
def features(x: Tensor[B, 3, H, W]) -> Tensor[B, 8, "H-2", "W-2"]:
    return conv(x)  # BUG  # E: Return shape Tensor[B, 8, H, W] does not match the annotation Tensor[B, 8, H - 2, W - 2]: axis 2 is H, expected H - 2  [shape]


print(features(tf.randn(1, 3, 10, 12)).shape)
