"""Splitting a sequence into frames: the frame count is computed for the wrong frame size."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


def frames(x: Tensor[B, "4*N"]) -> Tensor[B, N, 4]:
    b, length = x.shape
    return x.reshape(b, length // 2, 4)  # BUG[gap redteam: x.shape gives int for an expression dim (4*N), so length // 2 is unknown]


print(frames(tf.randn(2, 12)).shape)
