"""pyrefly style: an RNN state held in a NamedTuple of typed tensors; the cell state is
passed where the hidden state is expected."""
from typing import NamedTuple

import typedflux as tf
from typedflux import Dense, Tensor


class State(NamedTuple):
    h: Tensor[4, 16]
    c: Tensor[4, 32]


readout = Dense(16, 2)
s = State(tf.zeros(4, 16), tf.zeros(4, 32))
print(readout(s.c).shape)  # BUG  # E: Dense(16 => 2) expects input Tensor[..., 16], got Tensor[4, 32]; need size 16 at axis -1 (got 32)  [shape]
