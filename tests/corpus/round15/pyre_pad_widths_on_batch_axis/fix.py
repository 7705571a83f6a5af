"""Pyre's pad tests: padding a Tensor[B, N] by two on each side of the last axis gives
Tensor[B, N + 4]; the widths were given for the first axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


@tf.shapecheck
def pad_sides(x: Tensor[B, N]) -> Tensor[B, "N + 4"]:
    return tf.pad(x, ((0, 0), (2, 2)))


print(pad_sides(tf.randn(3, 5)).shape)
