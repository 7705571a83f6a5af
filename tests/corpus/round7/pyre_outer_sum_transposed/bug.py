"""Translated from Pyre's broadcasting tests: an outer sum of a column and a row; the row
was transposed into a second column."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def outer_sum(a: Tensor[N, 1], b: Tensor[1, M]) -> Tensor[N, M]:
    return a + b.T  # BUG  # E: Cannot broadcast for "add": x has Tensor[N, 1], y has Tensor[M, 1]; need equal sizes or 1 at axis -2 (N vs M)  [shape]


print(outer_sum(tf.ones(3, 1), tf.ones(1, 5)).shape)
