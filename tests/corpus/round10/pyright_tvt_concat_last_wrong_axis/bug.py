"""pyright's TypeVarTuple prefix samples (`Array[*Shape, N]`), translated: two arrays sharing
their leading axes joined along the last one, with the axis given as 0."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
Shape = TypeVarTuple("Shape")


@tf.shapecheck
def concat_last(x: Tensor[Unpack[Shape], N], y: Tensor[Unpack[Shape], M]) -> Tensor[Unpack[Shape], "N+M"]:
    return tf.cat(x, y, axis=0)  # BUG  # E: Sizes differ for "cat": xs[0] has Tensor[*Shape, N], xs[1] has Tensor[*Shape, M]; need equal sizes except at axis 0 (N vs M at axis -1)  [shape]  # N: for every *Shape of at least 1 item, which holds axis 0


print(concat_last(tf.randn(2, 3), tf.randn(2, 5)).shape)
