"""Perceiver: learned latents cross-attend to the input array, which must first be projected
to the latent width."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, MultiHeadAttention, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
L: Final = 6
D: Final = 32
DIN: Final = 12
latents = tf.randn(L, D)
in_proj = Dense(DIN, D)
cross = MultiHeadAttention(D, 4)


def perceive(x: Tensor[B, T, DIN]) -> Tensor[B, L, D]:
    lat = latents[None] * tf.ones(x.shape[0], 1, 1)
    kv = x
    return cross(lat, kv, kv)  # BUG  # E: MultiHeadAttention(32, nheads=4) expects input Tensor[B, T, 32], got Tensor[B, T, 12]; need size 32 at axis -1 (got 12)  [shape]


print(perceive(tf.randn(2, 10, DIN)).shape)
