"""Luong attention: the context vector summed the weighted encoder states over the feature
axis instead of the source positions; the output layer then gets the wrong width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, LSTM, Tensor

B = TypeVar("B", bound=int)
S = TypeVar("S", bound=int)
encoder = LSTM(10, 32)
attn_out = Dense(64, 32)


def step(src: Tensor[B, S, 10], h: Tensor[B, 32]) -> Tensor[B, 32]:
    memory = encoder(src)
    scores = (memory * h[:, None, :]).sum(axis=2)
    weights = tf.softmax(scores, axis=1)
    context = (weights[:, :, None] * memory).sum(axis=2)
    return tf.tanh(attn_out(tf.concat([context, h], axis=-1)))  # BUG  # E: Dense(64 => 32) expects input Tensor[..., 64], got Tensor[B, S + 32]; need size 64 at axis -1 (got S + 32)  [shape]


print(step(tf.randn(3, 6, 10), tf.randn(3, 32)).shape)
