"""Splitting a sequence into frames: the frame count is computed for the wrong frame size."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


def frames(x: Tensor[B, "4*N"]) -> Tensor[B, N, 4]:
    b, length = x.shape
    return x.reshape(b, length // 2, 4)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[B, 4*N], target is (B, 2*N, 4); need equal element counts (4*B*N vs 8*B*N)  [shape]


print(frames(tf.randn(2, 12)).shape)
