"""Interleaving two halves: the function promises 2*N features but returns N+1."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


@tf.shapecheck
def interleave(a: Tensor[B, N], b: Tensor[B, N]) -> Tensor[B, "2*N"]:
    return tf.cat(a, b)


print(interleave(tf.randn(2, 3), tf.randn(2, 3)).shape)
