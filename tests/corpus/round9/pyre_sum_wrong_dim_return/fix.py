"""Pyre's reduction test, translated: column sums of (N, M) have M entries; summing over
axis 1 gives N."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def column_sums(x: Tensor[N, M]) -> Tensor[M]:
    return x.sum(axis=0)


print(column_sums(tf.randn(3, 4)).shape)
