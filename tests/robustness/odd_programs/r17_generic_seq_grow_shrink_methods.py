"""Correct (round 17's false-alarm hunt): a generic class over (B, N) whose method returns Seq[B, "N + 1"]; result assigned to the right annotation."""
from __future__ import annotations
from typing import Generic, TypeVar
import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class Seq(Generic[B, N]):
    def __init__(self, data: Tensor[B, N, 8]) -> None:
        self.data = data

    def grow(self) -> Seq[B, "N + 1"]:
        return Seq(tf.cat(self.data, self.data[:, -1:], axis=1))

    def shrink(self) -> Seq[B, "N - 1"]:
        return Seq(self.data[:, 1:])


s = Seq(tf.zeros(2, 5, 8))
g: Seq[2, 6] = s.grow()
h: Seq[2, 7] = s.grow().grow()
k: Seq[2, 5] = s.grow().shrink()
print(g.data.shape, h.data.shape, k.data.shape)
