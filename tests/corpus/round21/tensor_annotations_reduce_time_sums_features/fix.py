"""tensor_annotations (Google's) axis types: Tensor3[Batch, Time, Features] reduced over Time
by reduce_sum(x, axis=1) to Tensor2[Batch, Features]; the pooled clip embedding then feeds a
Dense over the features."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

Batch = TypeVar("Batch", bound=int)
Time = TypeVar("Time", bound=int)
Features = TypeVar("Features", bound=int)


@tf.shapecheck
def pool_time(x: Tensor[Batch, Time, Features]) -> Tensor[Batch, Features]:
    return tf.sum(x, axis=1)


frames = tf.randn(4, 20, 12)
clip = pool_time(frames)
print(Dense(12, 3)(clip).shape)
