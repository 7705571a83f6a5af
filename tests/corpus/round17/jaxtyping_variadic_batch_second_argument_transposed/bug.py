"""jaxtyping's "*batch 4" on two arguments, translated: both must share one batch shape; the
second argument given with its two batch axes swapped binds another *batch."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Batch = TypeVarTuple("Batch")


@tf.shapecheck
def blend(x: Tensor[Unpack[Batch], 4], y: Tensor[Unpack[Batch], 4], t: float) -> Tensor[Unpack[Batch], 4]:
    return x * (1 - t) + y * t


a = tf.randn(2, 3, 4)
b = tf.randn(2, 3, 4)
print(blend(a, b.swapaxes(0, 1), 0.3).shape)  # BUG  # E: Dim "*Batch" differs for "blend": argument "x" gives *Batch = (2, 3), argument "y" gives *Batch = (3, 2); need one size for *Batch ((2, 3) vs (3, 2))  [shape]  # N: *Batch=(2, 3)
