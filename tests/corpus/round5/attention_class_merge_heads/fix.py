"""A self-attention class that merges heads back to the wrong width."""
import math
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class SelfAttention:
    def __init__(self) -> None:
        self.qkv = Dense(32, 96)
        self.proj = Dense(32, 32)

    def __call__(self, x: Tensor[B, T, 32]) -> Tensor[B, T, 32]:
        q, k, v = self.qkv(x).split((32, 32, 32))
        q = tf.rearrange(q, "b t (h d) -> b h t d", h=4)
        k = tf.rearrange(k, "b t (h d) -> b h t d", h=4)
        v = tf.rearrange(v, "b t (h d) -> b h t d", h=4)
        w = tf.softmax(q @ k.swapaxes(-1, -2) / math.sqrt(8))
        out = tf.rearrange(w @ v, "b h t d -> b t (h d)")
        return self.proj(out)


print(SelfAttention()(tf.randn(2, 5, 32)).shape)
