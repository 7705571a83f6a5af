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
    return x  # BUG[gap checker: a return of Tensor[B, *Shape] against the annotation Tensor[*Shape, B] is mypy's own [return-value] (got "Tensor[B, *Shape]", expected "Tensor[*Shape, B]"), not a [shape] error in the boundary's words; the run time says Dim "*Shape" differs]  # E: Incompatible return value type (got "Tensor[B, *Shape]", expected "Tensor[*Shape, B]")  [return-value]


print(batch_last(tf.randn(4, 3, 2)).shape)
