"""Luong attention in a GRU decoder: the output layer takes the state and the context
concatenated, but was sized for the state alone."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, GRU, Tensor

B = TypeVar("B", bound=int)
S = TypeVar("S", bound=int)
T = TypeVar("T", bound=int)
H: Final = 16
V: Final = 12
enc = GRU(8, H)
dec = GRU(8, H)
out = Dense(H, V)


def decode(src: Tensor[B, S, 8], tgt: Tensor[B, T, 8]) -> Tensor[B, T, V]:
    memory = enc(src)
    h = dec(tgt)
    scores = h @ memory.swapaxes(1, 2)
    context = tf.softmax(scores, axis=-1) @ memory
    return out(tf.concat([h, context], axis=-1))  # BUG  # E: Dense(16 => 12) expects input Tensor[..., 16], got Tensor[B, T, 32]; need size 16 at axis -1 (got 32)  [shape]


print(decode(tf.randn(2, 7, 8), tf.randn(2, 5, 8)).shape)
