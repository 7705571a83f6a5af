"""Translated from torchtyping's attention tests: keys are transposed on their last two axes
for the score product; the program swapped heads and time."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
T = TypeVar("T", bound=int)
S = TypeVar("S", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def scores(q: Tensor[B, H, T, D], k: Tensor[B, H, S, D]) -> Tensor[B, H, T, S]:
    return q @ k.swapaxes(1, 2)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[B, H, T, D], w has Tensor[B, S, H, D]; need x.shape[-1] == w.shape[-2] (D vs H)  [shape]


print(scores(tf.ones(2, 4, 5, 8), tf.ones(2, 4, 6, 8)).shape)
