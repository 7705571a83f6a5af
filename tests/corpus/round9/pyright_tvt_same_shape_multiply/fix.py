"""pyright's TypeVarTuple sample `def multiply(a: Array[*Shape], b: Array[*Shape]) ->
Array[*Shape]`, translated: the operands' shapes differ in their last axis."""
from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Shape = TypeVarTuple("Shape")


@tf.shapecheck
def multiply(a: Tensor[Unpack[Shape]], b: Tensor[Unpack[Shape]]) -> Tensor[Unpack[Shape]]:
    return a * b


print(multiply(tf.randn(2, 3), tf.randn(2, 3)).shape)
