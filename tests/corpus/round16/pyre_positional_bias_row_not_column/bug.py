"""Pyre's broadcasting tests: a per-step bias for a (B, T, D) sequence has shape (T, 1); it was
built as a row (1, T), which meets the features axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


def add_step_bias(x: Tensor[B, T, D]) -> Tensor[B, T, D]:
    b, t, d = x.shape
    bias = tf.arange(t).reshape(1, t) * 0.1
    return x + bias  # BUG  # E: Cannot broadcast for "add": x has Tensor[B, T, D], y has Tensor[1, T]; need equal sizes or 1 at axis -1 (D vs T)  [shape]


print(add_step_bias(tf.randn(2, 6, 4)).shape)
