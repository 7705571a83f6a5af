"""A ResNet stem built for RGB gets grayscale images."""
from typing import TypeVar

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)

stem = Chain(Conv((7, 7), 3, 16, stride=2, pad=3), BatchNorm(16, relu), MaxPool((3, 3), stride=2, pad=1))


def features(x: Tensor[B, 1, 32, 32]) -> Tensor[B, 16, 8, 8]:
    return stem(tf.cat(x, x, x, axis=1))


print(features(tf.randn(2, 1, 32, 32)).shape)
