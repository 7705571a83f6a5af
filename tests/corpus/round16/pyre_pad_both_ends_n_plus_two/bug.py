"""Pyre's `Add[N, 2]`: padding a sequence with one start and one end token gives N+2 steps; the
pad widths gave one side only."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


@tf.shapecheck
def add_boundary_tokens(x: Tensor[B, N]) -> Tensor[B, "N + 2"]:
    return tf.pad(x, ((0, 0), (1, 0)))  # BUG  # E: Return shape Tensor[B, N + 1] does not match the annotation Tensor[B, N + 2]: axis 1 is N + 1, expected N + 2  [shape]


print(add_boundary_tokens(tf.zeros(3, 7)).shape)
