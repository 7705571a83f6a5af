"""torchtyping-style fixed feature size through an alias of a generic class: Seq6 = Seq[B, 6]
(a batch of 6-feature rows), pooled by a def typed on Seq6[B]; the head after it reads 6
features."""
from __future__ import annotations

from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class Seq(Generic[B, N]):
    def __init__(self, data: Tensor[B, N]) -> None:
        self.data = data

    def values(self) -> Tensor[B, N]:
        return self.data


Seq6 = Seq[B, 6]


def pool(s: Seq6[B]) -> Tensor[B, 6]:
    return s.values() * 0.5


def load() -> Seq6[4]:
    return Seq(tf.randn(4, 6))


head = Dense(5, 2)
s = load()
out = head(pool(s))  # BUG  # E: Dense(5 => 2) expects input Tensor[..., 5], got Tensor[?, 6]; need size 5 at axis -1 (got 6)  [shape]
print(out.shape)
