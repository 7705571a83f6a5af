"""pyright's TypeVarTuple sample `def del_batch_axis(x: Array[Batch, *Shape]) -> Array[*Shape]`,
translated: the caller annotated the result with the batch axis still in it."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
Shape = TypeVarTuple("Shape")


@tf.shapecheck
def del_batch_axis(x: Tensor[B, Unpack[Shape]]) -> Tensor[Unpack[Shape]]:
    return x[0]


image: Tensor[2, 3, 8] = del_batch_axis(tf.randn(2, 3, 8))  # BUG  # E: Assigned shape Tensor[3, 8] does not match the annotation Tensor[2, 3, 8] of "image": rank is 2, expected 3  [shape]
print(image.shape)
