"""Pyre's pad tests: padding a Tensor[B, N] by two on each side of the last axis gives
Tensor[B, N + 4]; the widths were given for the first axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


@tf.shapecheck
def pad_sides(x: Tensor[B, N]) -> Tensor[B, "N + 4"]:
    return tf.pad(x, ((2, 2), (0, 0)))  # BUG  # E: Return shape Tensor[B + 4, N] does not match the annotation Tensor[B, N + 4]: axis 0 is B + 4, expected B  [shape]


print(pad_sides(tf.randn(3, 5)).shape)
