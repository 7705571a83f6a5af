"""torchtyping's TensorType["c", 1, 1] per-channel statistics, translated: an image batch is
normalised by a mean of shape (3, 1, 1); three values given as a flat vector are refused."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def normalise(img: Tensor[B, 3, H, W], mean: Tensor[3, 1, 1], std: Tensor[3, 1, 1]) -> Tensor[B, 3, H, W]:
    return (img - mean) / std


mean = tf.tensor([0.485, 0.456, 0.406])
std = tf.tensor([0.229, 0.224, 0.225]).reshape(3, 1, 1)
print(normalise(tf.rand(2, 3, 8, 8), mean, std).shape)  # BUG  # E: Argument "mean" of "normalise" has shape Tensor[3], which does not match the annotation Tensor[3, 1, 1]: rank is 1, expected 3  [shape]  # N: B=2, H=8, W=8
