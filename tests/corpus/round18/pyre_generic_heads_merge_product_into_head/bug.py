"""Pyre's Product[H, D] dims on a generic class: Heads(Generic[H, D]) merges Tensor[B, T, H, D]
into Tensor[B, T, "H*D"] with a method; the output projection reads H * D features (4 heads of
8 here)."""
from __future__ import annotations

from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
H = TypeVar("H", bound=int)
D = TypeVar("D", bound=int)


class Heads(Generic[H, D]):
    def __init__(self, scale: Tensor[H, D]) -> None:
        self.scale = scale

    def merge(self, x: Tensor[B, T, H, D]) -> Tensor[B, T, "H*D"]:
        b, t, h, d = x.shape
        return (x * self.scale).reshape(b, t, h * d)


heads = Heads(tf.ones(4, 8))
x = tf.randn(2, 5, 4, 8)
out_proj = Dense(12, 16)
y = out_proj(heads.merge(x))  # BUG  # E: Dense(12 => 16) expects input Tensor[..., 12], got Tensor[2, 5, 32]; need size 12 at axis -1 (got 32)  [shape]
print(y.shape)
