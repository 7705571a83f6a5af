"""Translated from Pyre's flatten tests: flattening everything after the batch; the program
kept the channels apart."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def flat(x: Tensor[B, C, H, W]) -> Tensor[B, "C*H*W"]:
    return x.reshape(x.shape[0], -1)


print(flat(tf.ones(2, 3, 4, 5)).shape)
