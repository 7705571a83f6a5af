"""A binary classifier's sigmoid output (B, 1) against labels loaded as (B,)."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu, sigmoid

B = TypeVar("B", bound=int)

clf = Chain(Dense(12, 8, relu), Dense(8, 1, sigmoid))


def loss_fn(x: Tensor[B, 12], y: Tensor[B]) -> Tensor[()]:
    return tf.losses.binarycrossentropy(clf(x), y.reshape(-1, 1))


print(loss_fn(tf.randn(4, 12), tf.tensor([0.0, 1.0, 1.0, 0.0])).item())
