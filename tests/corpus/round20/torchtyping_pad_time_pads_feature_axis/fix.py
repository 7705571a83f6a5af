"""torchtyping's named dims checked across argument and return (TensorType["batch", "time",
"feature"] -> TensorType["batch", "time + 2", "feature"] in symbolic form): a same-length conv
front end pads one step on each side of the time axis before a valid window of three."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
F = TypeVar("F", bound=int)


@tf.shapecheck
def pad_time(x: Tensor[B, T, F]) -> Tensor[B, "T + 2", F]:
    return tf.pad(x, ((0, 0), (1, 1), (0, 0)))


@tf.shapecheck
def window_sum(x: Tensor[B, T, F]) -> Tensor[B, "T - 2", F]:
    return x[:, :-2] + x[:, 1:-1] + x[:, 2:]


frames = tf.randn(2, 12, 5)
smoothed = window_sum(pad_time(frames))
print(smoothed.shape)
