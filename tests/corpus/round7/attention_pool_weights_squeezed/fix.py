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
    return (w * h).sum(axis=1)


print(pool(tf.randn(2, 6, 5)).shape)
