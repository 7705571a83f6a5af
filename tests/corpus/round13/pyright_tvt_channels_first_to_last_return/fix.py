"""pyright's TypeVarTuple samples move an axis: `Array[C, *Spatial] -> Array[*Spatial, C]`;
translated with a channels-first to channels-last helper that swapped the first and last axes
(right only for square images)."""
from typing import TypeVar, TypeVarTuple

import typedflux as tf
from typedflux import Tensor

C = TypeVar("C", bound=int)
Spatial = TypeVarTuple("Spatial")


@tf.shapecheck
def to_last(x: Tensor[C, *Spatial]) -> Tensor[*Spatial, C]:
    return tf.rearrange(x, "c h w -> h w c")


print(to_last(tf.randn(3, 8, 6)).shape)
