"""Translated from Pyre's matmul tests: a generic product through `tf.matmul`, called with
the second factor transposed."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
K = TypeVar("K", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def project(x: Tensor[N, K], w: Tensor[K, M]) -> Tensor[N, M]:
    return tf.matmul(x, w)


w = tf.randn(8, 3)
print(project(tf.randn(5, 8), w).shape)
