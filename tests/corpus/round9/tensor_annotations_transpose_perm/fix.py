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
    return tf.transpose(x, (1, 0, 2))


print(time_major(tf.randn(2, 5, 3)).shape)
