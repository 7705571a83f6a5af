"""A hand-written LSTM cell step returns (h, c); the cell state slot got the raw gates."""
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
gates_of = Dense(8 + 16, 4 * 16)


@tf.shapecheck
def step(x: Tensor[B, 8], h: Tensor[B, 16], c: Tensor[B, 16]) -> Tuple[Tensor[B, 16], Tensor[B, 16]]:
    gates = gates_of(tf.concat([x, h], axis=1))
    i, f, g, o = tf.chunk(gates, 4, axis=1)
    c_new = tf.sigmoid(f) * c + tf.sigmoid(i) * tf.tanh(g)
    h_new = tf.sigmoid(o) * tf.tanh(c_new)
    return h_new, c_new


h, c = step(tf.randn(2, 8), tf.zeros(2, 16), tf.zeros(2, 16))
print(h.shape, c.shape)
