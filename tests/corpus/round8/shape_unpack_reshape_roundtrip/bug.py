"""Sequence features are flattened to one row per token for a Dense and viewed back; the
view back swapped time and features."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
proj = Dense(12, 12)


@tf.shapecheck
def tokenwise(x: Tensor[B, T, 12]) -> Tensor[B, T, 12]:
    b, t, d = x.shape
    y = proj(x.reshape(b * t, d))
    return y.reshape(b, d, t)  # BUG  # E: Return shape Tensor[B, 12, T] does not match the annotation Tensor[B, T, 12]: axis 1 is 12, expected T  [shape]


print(tokenwise(tf.randn(2, 5, 12)).shape)
