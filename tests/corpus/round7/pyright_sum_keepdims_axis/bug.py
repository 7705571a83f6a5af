"""Translated from a pyright sum sample: column sums kept as a row; the program summed the
rows."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def colsum(x: Tensor[N, M]) -> Tensor[1, M]:
    return x.sum(axis=1, keepdims=True)  # BUG  # E: Return shape Tensor[N, 1] does not match the annotation Tensor[1, M]: axis 0 is N, expected 1  [shape]


print(colsum(tf.ones(3, 4)).shape)
