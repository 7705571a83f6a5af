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
    return x.swapaxes(0, -1)  # BUG[gap checker: x.swapaxes(0, -1) of Tensor[C, *Spatial] swaps C with the run's last item, which cannot be written as a run (the run time says Dim "*Spatial" differs for non-square inputs), so the return against Tensor[*Spatial, C] is unknown]


print(to_last(tf.randn(3, 8, 6)).shape)
