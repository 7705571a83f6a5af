"""Heads are split with a reshape over Final sizes; the head size constant is wrong."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

D_MODEL: Final = 32
N_HEADS: Final = 4
HEAD_DIM: Final = 8


def split_heads(x: Tensor[B, T, D_MODEL]) -> Tensor[B, N_HEADS, T, HEAD_DIM]:
    b, t, _ = x.shape
    return x.reshape(b, t, N_HEADS, HEAD_DIM).transpose(0, 2, 1, 3)


print(split_heads(tf.randn(2, 5, D_MODEL)).shape)
