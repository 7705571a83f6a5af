"""Attention heads are split with einops-style rearrange; 6 heads do not divide 64."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


def split_heads(x: Tensor[B, T, 64]) -> Tensor[B, 8, T, 8]:
    return tf.rearrange(x, "b t (h d) -> b h t d", h=6)  # BUG  # E: Cannot split axis for "rearrange": x has Tensor[B, T, 64], pattern "b t (h d) -> b h t d" with h=6; need 64 divisible by 6 to split axis 2 into (h d) (64 % 6 = 4)  [shape]


print(split_heads(tf.randn(2, 3, 64)).shape)
