"""A strided conv generic over the image size, annotated with the wrong output arithmetic."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)

down = Conv((3, 3), 3, 8, stride=2, pad=1)


@tf.shapecheck
def stem(x: Tensor[B, 3, H, W]) -> Tensor[B, 8, "(H + 1) // 2", "(W + 1) // 2"]:
    return down(x)


print(stem(tf.randn(1, 3, 9, 9)).shape)
