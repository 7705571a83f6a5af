"""A model's __init__ takes a precomputed position table annotated for its block size and
width; the table was built for another width."""
from typing import Final

import typedflux as tf
from typedflux import Dense, Tensor

BLOCK: Final = 16
D: Final = 32


class Encoder:
    @tf.shapecheck
    def __init__(self, pos: Tensor[BLOCK, D]) -> None:
        self.pos = pos
        self.proj = Dense(D, D)


table = tf.randn(BLOCK, D)
enc = Encoder(table)
print(enc.proj(enc.pos).shape)
