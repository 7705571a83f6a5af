"""Pyre's tensor tests: x.view(N * M) flattens a matrix; the result is then split back with
the factors swapped against the annotation."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def roundtrip(x: Tensor[N, M]) -> Tensor[N, M]:
    n, m = x.shape
    flat = x.reshape(n * m)
    return flat.reshape(m, n)  # BUG  # E: Return shape Tensor[M, N] does not match the annotation Tensor[N, M]: axis 0 is M, expected N  [shape]


print(roundtrip(tf.randn(2, 5)).shape)
