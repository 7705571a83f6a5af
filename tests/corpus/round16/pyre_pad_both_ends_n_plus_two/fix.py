"""Pyre's `Add[N, 2]`: padding a sequence with one start and one end token gives N+2 steps; the
pad widths gave one side only."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


@tf.shapecheck
def add_boundary_tokens(x: Tensor[B, N]) -> Tensor[B, "N + 2"]:
    return tf.pad(x, ((0, 0), (1, 1)))


print(add_boundary_tokens(tf.zeros(3, 7)).shape)
