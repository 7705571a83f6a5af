"""Attention pooling over LSTM states: the weights lost their trailing axis before weighting
the states."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, LSTM, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
lstm = LSTM(5, 16)
score = Dense(16, 1)


def pool(x: Tensor[B, T, 5]) -> Tensor[B, 16]:
    h = lstm(x)
    w = tf.softmax(score(h), axis=1)
    return (w[:, :, 0] * h).sum(axis=1)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[B, T], y has Tensor[B, T, 16]; need equal sizes or 1 at axis -2 (B vs T); did you mean x[..., None] (or keepdims=True where x was reduced)?  [shape]


print(pool(tf.randn(2, 6, 5)).shape)
