"""Pyre's conv2d output-size arithmetic (`Add[Divide[...]]` in the result type), translated to
a string dim: a valid 3x3 convolution shrinks each side by 2, but the layer pads by 1."""
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


print(features(tf.randn(2, 3, 10, 12)).shape)
