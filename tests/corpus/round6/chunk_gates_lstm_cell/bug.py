"""A hand-written LSTM cell: one projection chunked into four gates; the projection gives
three gates' width."""
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
H = 16
proj = Dense(8 + H, 3 * H)


def cell(x: Tensor[B, 8], h: Tensor[B, 16], c: Tensor[B, 16]) -> Tuple[Tensor[B, 16], Tensor[B, 16]]:
    i, f, g, o = tf.chunk(proj(tf.concat([x, h], axis=-1)), 4)
    c = tf.sigmoid(f) * c + tf.sigmoid(i) * tf.tanh(g)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[B, 12], y has Tensor[B, 16]; need equal sizes or 1 at axis -1 (12 vs 16)  [shape]
    return tf.sigmoid(o) * tf.tanh(c), c


h, c = cell(tf.randn(2, 8), tf.zeros(2, 16), tf.zeros(2, 16))
print(h.shape, c.shape)
