"""PEP 646's add_batch_axis(x: Array[*Shape]) -> Array[Batch, *Shape] (translated, with the
batch of one made by a new leading axis); the new axis was put last."""
from typing import Literal

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Shape = TypeVarTuple("Shape")


@tf.shapecheck
def add_batch_axis(x: Tensor[Unpack[Shape]]) -> Tensor[Literal[1], Unpack[Shape]]:
    return x[None]


print(add_batch_axis(tf.zeros(3, 5)).shape)
