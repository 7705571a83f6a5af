"""Translated from torchtyping's broadcasting tests: a per-sequence vector added at every time
step must gain the time axis after the batch axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def add_context(x: Tensor[B, D], y: Tensor[B, T, D]) -> Tensor[B, T, D]:
    return y + x.unsqueeze(0)  # BUG  # E: Cannot broadcast for "add": x has Tensor[B, T, D], y has Tensor[1, B, D]; need equal sizes or 1 at axis -2 (T vs B)  [shape]


print(add_context(tf.ones(2, 4), tf.ones(2, 7, 4)).shape)
