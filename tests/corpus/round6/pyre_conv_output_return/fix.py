"""Pyre style: a conv's output size in the return annotation; the conv pads, so the size
does not shrink."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)
conv = Conv((3, 3), 3, 8)


@tf.shapecheck
def features(x: Tensor[B, 3, H, W]) -> Tensor[B, 8, "H-2", "W-2"]:
    return conv(x)


print(features(tf.randn(1, 3, 10, 12)).shape)
