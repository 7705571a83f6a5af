"""Perceiver latents repeated over the batch with numpy-style `tile`: the repetitions line up
with the last axes, so a third count is needed to add the batch axis."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import MultiHeadAttention, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
L: Final = 4
D: Final = 16
latents = tf.randn(L, D)
cross = MultiHeadAttention(D, 2)


def perceive(x: Tensor[B, T, D]) -> Tensor[B, L, D]:
    lat = tf.tile(latents, x.shape[0], 1, 1)
    return cross(lat, x, x)


print(perceive(tf.randn(3, 9, D)).shape)
