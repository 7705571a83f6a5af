"""Translated from Pyre's generic-call tests: one size symbol shared by two arguments, called
with batches of different lengths."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def cosine(a: Tensor[N, D], b: Tensor[N, D]) -> Tensor[N]:
    na = tf.sqrt((a * a).sum(axis=1))
    nb = tf.sqrt((b * b).sum(axis=1))
    return (a * b).sum(axis=1) / (na * nb)


queries = tf.randn(4, 8)
keys = tf.randn(4, 8)
print(cosine(queries, keys).shape)
