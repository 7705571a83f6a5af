"""Pyre's Multiply[N, 2] dims through a classmethod of a generic class: Seq.mirrored(x) builds a
Seq[B, "2*N"] from a Tensor[B, N] by joining it with its reverse; the head reads the doubled
width."""
from __future__ import annotations

from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class Seq(Generic[B, N]):
    def __init__(self, data: Tensor[B, N]) -> None:
        self.data = data

    @classmethod
    def mirrored(cls, x: Tensor[B, N]) -> Seq[B, "2*N"]:
        return Seq(tf.cat(x, x[:, ::-1], axis=1))

    def values(self) -> Tensor[B, N]:
        return self.data


s = Seq.mirrored(tf.randn(3, 5))
head = Dense(10, 4)
y = head(s.values())
print(y.shape)
