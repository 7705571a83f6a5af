"""Attention weights are returned as (B, S, T) where the annotation promises (B, T, S)."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
S = TypeVar("S", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def attention_weights(q: Tensor[B, T, D], k: Tensor[B, S, D]) -> Tensor[B, T, S]:
    scores = q @ k.transpose(0, 2, 1)
    return tf.softmax(scores, axis=-1)


w = attention_weights(tf.randn(2, 3, 8), tf.randn(2, 5, 8))
print(w.shape)
