"""Tensor Shape Annotations' `reduce_sum(x, axis=...)` with axis types Batch, Time, Features,
translated: the time axis is 1; axis 2 removed the features."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

Batch = TypeVar("Batch", bound=int)
Time = TypeVar("Time", bound=int)
Features = TypeVar("Features", bound=int)


@tf.shapecheck
def pool_time(x: Tensor[Batch, Time, Features]) -> Tensor[Batch, Features]:
    return tf.sum(x, axis=2)  # BUG  # E: Return shape Tensor[Batch, Time] does not match the annotation Tensor[Batch, Features]: axis 1 is Time, expected Features  [shape]


print(pool_time(tf.randn(2, 5, 3)).shape)
