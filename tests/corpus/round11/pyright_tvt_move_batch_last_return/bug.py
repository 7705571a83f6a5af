"""pyright's TypeVarTuple sample that moves the first dim to the end (`Array[B, *Shape] ->
Array[*Shape, B]`), translated: the body returned the tensor unchanged."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
Shape = TypeVarTuple("Shape")


@tf.shapecheck
def batch_last(x: Tensor[B, Unpack[Shape]]) -> Tensor[Unpack[Shape], B]:
    return x  # BUG  # E: Return shape Tensor[B, *Shape] does not match the annotation Tensor[*Shape, B]: *Shape starts at axis 1, expected at axis 0  [shape]


print(batch_last(tf.randn(4, 3, 2)).shape)
