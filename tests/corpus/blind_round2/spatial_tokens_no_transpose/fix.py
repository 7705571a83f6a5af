"""Flattening a feature map to tokens without moving the channels last."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


def spatial_tokens(x: Tensor[B, C, H, W]) -> Tensor[B, "H*W", C]:
    b, c, h, w = x.shape
    return x.reshape(b, c, h * w).swapaxes(1, 2)


@tf.shapecheck
def bad_tokens(x: Tensor[B, C, H, W]) -> Tensor[B, "H*W", C]:
    b, c, h, w = x.shape
    return x.reshape(b, c, h * w).swapaxes(1, 2)


print(spatial_tokens(tf.zeros(2, 3, 4, 5)).shape, bad_tokens(tf.zeros(2, 3, 4, 5)).shape)
