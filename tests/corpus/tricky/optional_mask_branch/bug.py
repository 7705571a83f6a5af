"""Attention with an optional mask: the mask, when given, is built for a longer sequence."""
from typing import Optional, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


@tf.shapecheck
def masked_softmax(scores: Tensor[B, T, T], mask: Optional[Tensor[T, T]] = None) -> Tensor[B, T, T]:
    if mask is not None:
        scores = tf.where(mask > 0, scores, -1e9)
    return tf.softmax(scores, axis=-1)


scores = tf.randn(2, 4, 4)
print(masked_softmax(scores).shape)
print(masked_softmax(scores, tf.tril(tf.ones(5, 5))).shape)  # BUG  # E: Dim "T" differs for "masked_softmax": argument "scores" gives T = 4, argument "mask" gives T = 5; need one size for T (4 vs 5)  [shape]  # N: B=2, T=4
