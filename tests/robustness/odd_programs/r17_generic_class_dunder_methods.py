"""Odd but valid (round 17's crash hunt): generic classes with dims in odd spots: a method generic in its own dim, nested class, Self-returning methods, properties, __getitem__."""
from __future__ import annotations
from typing import Generic, Iterator, TypeVar
import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


class Seq(Generic[B, N]):
    def __init__(self, data: Tensor[B, N]) -> None:
        self.data = data

    @property
    def width(self) -> int:
        return self.data.shape[1]

    def __getitem__(self, i: int) -> Tensor[N]:
        return self.data[i]

    def __iter__(self) -> Iterator[Tensor[N]]:
        for i in range(self.data.shape[0]):
            yield self.data[i]

    def pad_to(self, other: Tensor[B, M]) -> Tensor[B, M]:
        return other

    def __add__(self, other: Seq[B, N]) -> Seq[B, N]:
        return Seq(self.data + other.data)

    class Inner:
        pass


s = Seq(tf.zeros(2, 3))
t = s + s
row: Tensor[3] = s[0]
print(s.width, [r.shape for r in t], row.shape, s.pad_to(tf.zeros(2, 7)).shape, Seq.Inner())
