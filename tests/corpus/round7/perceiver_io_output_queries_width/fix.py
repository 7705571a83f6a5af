"""Perceiver IO: output queries cross-attend to the latents; the queries were made with the
input width."""
from typing import Final

import typedflux as tf
from typedflux import MultiHeadAttention

L: Final = 8
D: Final = 32
DIN: Final = 12
O: Final = 5
latents = tf.randn(2, L, D)
queries = tf.randn(O, D)
decode = MultiHeadAttention(D, 4)
q = queries[None] * tf.ones(2, 1, 1)
print(decode(q, latents, latents).shape)
