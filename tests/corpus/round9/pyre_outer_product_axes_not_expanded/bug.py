"""Pyre's broadcasting test (an outer product from two vectors), translated: both vectors got
the new axis in the same place, so N and M meet on one axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def outer(a: Tensor[N], b: Tensor[M]) -> Tensor[N, M]:
    return a[:, None] * b[:, None]  # BUG  # E: Cannot broadcast for "mul": x has Tensor[N, 1], y has Tensor[M, 1]; need equal sizes or 1 at axis -2 (N vs M)  [shape]


print(outer(tf.randn(3), tf.randn(4)).shape)
