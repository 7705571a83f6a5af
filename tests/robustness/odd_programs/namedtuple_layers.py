"""A NamedTuple of layers, indexed and unpacked."""
from typing import NamedTuple

import typedflux as tf
from typedflux import Dense


class Pair(NamedTuple):
    enc: Dense
    dec: Dense


p = Pair(Dense(4, 2), Dense(2, 4))
enc, dec = p
print(p[1](p[0](tf.randn(3, 4))).shape, dec(enc(tf.randn(1, 4))).shape)
