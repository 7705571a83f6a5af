"""A typeguard/beartype-checked preprocessing function for channels-first images, translated:
an image decoded channels-last (H, W, 3) was passed as is."""
from typing import TypeVar

import numpy as np

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def normalise(img: Tensor[B, 3, H, W]) -> Tensor[B, 3, H, W]:
    mean = tf.tensor(np.array([0.485, 0.456, 0.406], dtype=np.float32)).reshape(1, 3, 1, 1)
    return img - mean


decoded = tf.rand(2, 32, 32, 3)
print(normalise(decoded).shape)  # BUG  # E: Argument "img" of "normalise" has shape Tensor[2, 32, 32, 3], which does not match the annotation Tensor[B, 3, H, W]: axis 1 is 32, expected 3  [shape]  # N: B=2
