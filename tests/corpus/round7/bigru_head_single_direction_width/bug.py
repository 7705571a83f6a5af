"""A bidirectional GRU tagger built from two GRUs (one over the reversed sequence): the
output layer was sized for one direction."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, GRU, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
H: Final = 12
forward = GRU(6, H)
backward = GRU(6, H)
tags = Dense(H, 5)


def tag(x: Tensor[B, T, 6]) -> Tensor[B, T, 5]:
    hf = forward(x)
    hb = backward(x[:, ::-1])[:, ::-1]
    return tags(tf.concat([hf, hb], axis=-1))  # BUG  # E: Dense(12 => 5) expects input Tensor[..., 12], got Tensor[B, T, 24]; need size 12 at axis -1 (got 24)  [shape]


print(tag(tf.randn(2, 9, 6)).shape)
