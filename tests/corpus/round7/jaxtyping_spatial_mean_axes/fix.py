"""Translated from jaxtyping's reduction tests: global average pooling over the spatial
axes; the program averaged channels and height."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def gap(x: Tensor[B, C, H, W]) -> Tensor[B, C]:
    return x.mean(axis=(2, 3))


print(gap(tf.ones(2, 3, 4, 5)).shape)
