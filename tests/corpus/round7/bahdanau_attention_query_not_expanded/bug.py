"""Bahdanau (additive) attention over encoder states: the decoder state's projection was
added to the encoder's without a time axis, so it broadcasts the batch against time."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, GRU, Tensor

B = TypeVar("B", bound=int)
S = TypeVar("S", bound=int)
encoder = GRU(8, 16)
w_enc = Dense(16, 12, bias=False)
w_dec = Dense(16, 12)
v = Dense(12, 1, bias=False)


def attend(src: Tensor[B, S, 8], h: Tensor[B, 16]) -> Tensor[B, 16]:
    memory = encoder(src)
    energy = tf.tanh(w_enc(memory) + w_dec(h))  # BUG  # E: Cannot broadcast for "add": x has Tensor[B, S, 12], y has Tensor[B, 12]; need equal sizes or 1 at axis -2 (S vs B)  [shape]
    weights = tf.softmax(v(energy), axis=1)
    return (weights * memory).sum(axis=1)


print(attend(tf.randn(2, 7, 8), tf.randn(2, 16)).shape)
