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
print(normalise(tf.cat(gray, gray, gray, axis=1)).shape)
