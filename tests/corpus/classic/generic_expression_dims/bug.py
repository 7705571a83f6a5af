"""Interleaving two halves: the function promises 2*N features but returns N+1."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


@tf.shapecheck
def interleave(a: Tensor[B, N], b: Tensor[B, N]) -> Tensor[B, "2*N"]:
    return tf.cat(a, b[:, :1])  # BUG  # E: Return shape Tensor[B, N + 1] does not match the annotation Tensor[B, 2*N]: axis 1 is N + 1, expected 2*N  [shape]


print(interleave(tf.randn(2, 3), tf.randn(2, 3)).shape)
