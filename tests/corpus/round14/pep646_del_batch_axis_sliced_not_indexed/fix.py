"""PEP 646's del_batch_axis(x: Array[Batch, *Shape]) -> Array[*Shape] (translated): the first
item of the batch, indexed; it was sliced, x[0:1], which keeps a unit batch axis."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Batch = TypeVar("Batch", bound=int)
Shape = TypeVarTuple("Shape")


@tf.shapecheck
def del_batch_axis(x: Tensor[Batch, Unpack[Shape]]) -> Tensor[Unpack[Shape]]:
    return x[0]


print(del_batch_axis(tf.zeros(4, 3, 5)).shape)
