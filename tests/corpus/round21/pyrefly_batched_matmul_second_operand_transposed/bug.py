"""pyrefly's tensor-shape tests for batched matmul: (B, N, M) @ (B, M, P) -> (B, N, P), with
B, N, M, P bound at the call (TypeVars); the product is returned against its annotation and
read by a layer over P."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
P = TypeVar("P", bound=int)


@tf.shapecheck
def bmm(a: Tensor[B, N, M], b: Tensor[B, M, P]) -> Tensor[B, N, P]:
    return a @ b


x = tf.randn(2, 5, 3)
w = tf.randn(2, 3, 7)
y = bmm(x, w.swapaxes(1, 2))  # BUG  # E: Dim "M" differs for "bmm": argument "a" gives M = 3, argument "b" gives M = 7; need one size for M (3 vs 7)  [shape]  # N: B=2, N=5, M=3
print(Dense(7, 1)(y).shape)
