"""torchtyping's `TensorType["b", 3, "h", "w"]` on an image normaliser, translated: the
caller passed RGBA images."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)
MEAN = tf.tensor([0.485, 0.456, 0.406]).reshape(1, 3, 1, 1)


@tf.shapecheck
def normalise(x: Tensor[B, 3, H, W]) -> Tensor[B, 3, H, W]:
    return x - MEAN


rgba = tf.rand(2, 4, 8, 8)
print(normalise(rgba[:, :3]).shape)
