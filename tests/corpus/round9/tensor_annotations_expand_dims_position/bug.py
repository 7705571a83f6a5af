"""Tensor Shape Annotations' `expand_dims` to add a trailing channel axis (NHWC), translated:
the new axis went after the batch."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def add_channel(x: Tensor[B, H, W]) -> Tensor[B, H, W, 1]:
    return tf.unsqueeze(x, 1)  # BUG  # E: Return shape Tensor[B, 1, H, W] does not match the annotation Tensor[B, H, W, 1]: axis 1 is 1, expected H  [shape]


print(add_channel(tf.randn(2, 5, 6)).shape)
