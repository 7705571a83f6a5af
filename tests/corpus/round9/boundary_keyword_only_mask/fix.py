"""A keyword-only padding mask must cover the keys; it was built from the queries."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
S = TypeVar("S", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def cross_scores(q: Tensor[B, T, D], k: Tensor[B, S, D], *, key_mask: Tensor[B, S]) -> Tensor[B, T, S]:
    s = q @ k.swapaxes(1, 2)
    return tf.where(key_mask[:, None, :] > 0, s, -1e9)


q, k = tf.randn(2, 3, 8), tf.randn(2, 7, 8)
key_mask = tf.ones(2, 7)
print(cross_scores(q, k, key_mask=key_mask).shape)
