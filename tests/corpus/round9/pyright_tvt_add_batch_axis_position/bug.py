"""pyright's TypeVarTuple sample `def add_batch_axis(x: Array[*Shape]) -> Array[Batch, *Shape]`,
translated: the new axis was added last."""
from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Shape = TypeVarTuple("Shape")


@tf.shapecheck
def add_batch_axis(x: Tensor[Unpack[Shape]]) -> Tensor[1, Unpack[Shape]]:
    return x[..., None]  # BUG[gap checker: a variadic return with the new axis on the wrong side (x[..., None] for -> Tensor[1, *Shape]) is mypy's own [return-value] in Literal words, not a [shape] error]  # E: Incompatible return value type (got "Tensor[*Shape, Literal[1]]", expected "Tensor[Literal[1], *Shape]")  [return-value]


print(add_batch_axis(tf.randn(3, 4)).shape)
