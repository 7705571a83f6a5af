"""Tensors of one shape later replaced by tensors of another, through tuples, dicts, attributes,
globals and lists (recurrent states growing their batch, caches, running buffers)."""
from typing import Dict, List, Tuple

import typedflux as tf

state = (tf.zeros(1, 8), tf.zeros(1, 8))
for step in range(3):
    state = (tf.zeros(2, 8), tf.zeros(2, 8))
h, c = state
mem = {"k": tf.zeros(1, 0, 4)}
for step in range(2):
    mem["k"] = tf.cat(mem["k"], tf.zeros(1, 1, 4), axis=1)
buf = [tf.zeros(2, 8)]
buf[0] = tf.zeros(3, 8)
last = tf.zeros(2, 8)


def advance() -> None:
    global last
    last = tf.zeros(3, 8)


class Model:
    def __init__(self) -> None:
        self.hidden = tf.zeros(1, 16)
        self.pair = (tf.zeros(1, 4), tf.zeros(1, 4))

    def reset(self, batch: int) -> None:
        self.hidden = tf.zeros(batch, 16)
        self.pair = (tf.zeros(batch, 4), tf.zeros(batch, 4))


advance()
m = Model()
m.reset(8)
print(h.shape, mem["k"].shape, buf[0].shape, last.shape, m.hidden.shape, m.pair[0].shape)
