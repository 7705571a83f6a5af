"""Pyre's Add[N, 1] on a generic class, translated: appending a token to a Seq[B, N] gives a
Seq[B, N + 1]; masking the grown sequence takes a flag row of the new length."""
from __future__ import annotations

from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class Seq(Generic[B, N]):
    def __init__(self, data: Tensor[B, N, 4]) -> None:
        self.data = data

    def grow(self) -> Seq[B, "N + 1"]:
        return Seq(tf.cat(self.data, self.data[:, -1:], axis=1))

    @tf.shapecheck
    def masked(self, keep: Tensor[B, N]) -> Tensor[B, N, 4]:
        return self.data * keep[:, :, None]


s = Seq(tf.randn(2, 5, 4))
longer = s.grow()
out = longer.masked(tf.ones(2, 6))
print(out.shape)
