"""Tensor Shape Annotations' `transpose(x, perm)`, translated: batch-major to time-major is
(1, 0, 2); (0, 2, 1) swaps time and features."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

Batch = TypeVar("Batch", bound=int)
Time = TypeVar("Time", bound=int)
Features = TypeVar("Features", bound=int)


@tf.shapecheck
def time_major(x: Tensor[Batch, Time, Features]) -> Tensor[Time, Batch, Features]:
    return tf.transpose(x, (0, 2, 1))  # BUG  # E: Return shape Tensor[Batch, Features, Time] does not match the annotation Tensor[Time, Batch, Features]: axis 0 is Batch, expected Time  [shape]


print(time_major(tf.randn(2, 5, 3)).shape)
