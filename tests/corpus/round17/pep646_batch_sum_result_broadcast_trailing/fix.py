"""PEP 646's Array[Batch, *Shape] -> Array[*Shape], translated: summing the batch of (3, 2)
maps leaves a (3, 2) map, whose last axis is 2; a per-row offset of 3 values must be a column."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Batch = TypeVar("Batch", bound=int)
Shape = TypeVarTuple("Shape")


@tf.shapecheck
def batch_sum(x: Tensor[Batch, Unpack[Shape]]) -> Tensor[Unpack[Shape]]:
    return x.sum(axis=0)


total = batch_sum(tf.randn(4, 3, 2))
offset = tf.randn(3, 1)
print((total + offset).shape)
