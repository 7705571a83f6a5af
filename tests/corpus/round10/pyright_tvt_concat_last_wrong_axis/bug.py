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
    return tf.cat(x, y, axis=0)  # BUG[gap checker: tf.cat along axis 0 of Tensor[*Shape, N] and Tensor[*Shape, M] has an unknown shape: for any non-empty *Shape the trailing axes (N vs M) must be equal, for an empty one axis 0 is the last axis and the annotation holds; under the rigid reading (the annotation must hold for every *Shape) it is an error]


print(concat_last(tf.randn(2, 3), tf.randn(2, 5)).shape)
