"""torchtyping's named fixed sizes (`TensorType["batch", "channels": 3, "h", "w"]`),
translated: a grayscale batch is normalised with the RGB statistics."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)
MEAN = tf.tensor([0.485, 0.456, 0.406]).reshape(1, 3, 1, 1)
STD = tf.tensor([0.229, 0.224, 0.225]).reshape(1, 3, 1, 1)


@tf.shapecheck
def normalise(img: Tensor[B, 3, H, W]) -> Tensor[B, 3, H, W]:
    return (img - MEAN) / STD


gray = tf.rand(4, 1, 8, 8)
print(normalise(gray).shape)  # BUG  # E: Argument "img" of "normalise" has shape Tensor[4, 1, 8, 8], which does not match the annotation Tensor[B, 3, H, W]: axis 1 is 1, expected 3  [shape]  # N: B=4
