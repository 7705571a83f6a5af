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
tags = Dense(2 * H, 5)


def tag(x: Tensor[B, T, 6]) -> Tensor[B, T, 5]:
    hf = forward(x)
    hb = backward(x[:, ::-1])[:, ::-1]
    return tags(tf.concat([hf, hb], axis=-1))


print(tag(tf.randn(2, 9, 6)).shape)
