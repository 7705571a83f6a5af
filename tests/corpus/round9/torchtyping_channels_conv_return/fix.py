"""torchtyping's `TensorType["batch", "channels", "x", "y"]` on a conv helper, translated: the
result keeps 8 channels though the annotation promises 16."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Tensor

B = TypeVar("B", bound=int)
X = TypeVar("X", bound=int)
Y = TypeVar("Y", bound=int)
conv = Conv((3, 3), 8, 16, pad=1)


@tf.shapecheck
def widen(x: Tensor[B, 8, X, Y]) -> Tensor[B, 16, X, Y]:
    return conv(x)


print(widen(tf.randn(2, 8, 5, 5)).shape)
