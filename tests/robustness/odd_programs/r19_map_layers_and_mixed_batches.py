"""map applying a list of layers of different widths to one input, map of one Dense over
tensors of different batch sizes, map of a user layer's bound __call__, map of tf.relu."""
from __future__ import annotations
import typedflux as tf
from typedflux import Dense, Tensor


class Block:
    def __init__(self) -> None:
        self.fc = Dense(4, 6)

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


x = tf.zeros(2, 4)
heads = [Dense(4, 3), Dense(4, 5)]
for y in map(lambda l: l(x), heads):
    print(y.shape)
d = Dense(4, 8)
for y in map(d, [tf.zeros(2, 4), tf.zeros(3, 4)]):
    print(Dense(8, 1)(y).shape)
b = Block()
for y in map(b, [tf.zeros(2, 4), tf.zeros(5, 4)]):
    print(Dense(6, 1)(y).shape)
for y in map(b.__call__, [tf.zeros(2, 4)]):
    print(Dense(6, 1)(y).shape)
for y in map(tf.relu, [tf.zeros(2, 4), tf.zeros(2, 7)]):
    print(y.shape)
widths = list(map(lambda t: t.shape[1], [tf.zeros(2, 4), tf.zeros(2, 7)]))
print(widths)
