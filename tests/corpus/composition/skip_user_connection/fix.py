"""A DenseNet-style layer concatenates new features to its input with a typed connection."""
from typing import TypeVar

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
D = TypeVar("D", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


def concat(new: Tensor[B, C, H, W], old: Tensor[B, D, H, W]) -> Tensor[B, "C + D", H, W]:
    return tf.cat(new, old, axis=1)


dense_layer = SkipConnection(Chain(BatchNorm(24, relu), Conv((3, 3), 24, 12, pad=1)), concat)
print(dense_layer(tf.randn(1, 24, 6, 6)).shape)
