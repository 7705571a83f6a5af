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
y = bmm(x, w)
print(Dense(7, 1)(y).shape)
