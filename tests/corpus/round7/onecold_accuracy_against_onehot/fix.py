"""Accuracy from `onecold`: the predictions were compared with the one-hot targets instead of
their class indices."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)
model = Chain(Dense(4, 16, relu), Dense(16, 3))


def accuracy(x: Tensor[B, 4], y: Tensor[B, 3]) -> float:
    hits = tf.onecold(model(x)) == tf.onecold(y)
    return float((hits * 1.0).mean().item())


print(accuracy(tf.randn(8, 4), tf.onehot([0, 1, 2, 0, 1, 2, 0, 1], 3)))
