"""An int literal given for a dim parameter of a user function or classmethod is that size:
``Seq.zeros(2, 3)`` of ``zeros(cls, b: B, n: N) -> Seq[B, N]`` is a ``Seq[2, 3]``, and
``ones(2, 3)`` of ``-> Tensor[B, N]`` a ``Tensor[2, 3]`` (mypy alone widens them to ``int``:
``Seq[int, int]``, and its invariance check then refused ``direct: Seq[2, 3] = s`` and
``Box(s)`` for a ``Box[Seq[2, 3]]``, on a program that runs: redteam s11 fa02). A dim given two
different sizes, or a size that is not a literal, keeps mypy's solution (an unknown dim). The
sizes then check what follows: a wrong annotation is a ``[shape]`` error (static only: Python
erases a local annotation; callbacks/int_dims.py).
"""

from __future__ import annotations

from typing import Final, Generic, List, Tuple, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
T = TypeVar("T")
K: Final = 7


class Seq(Generic[B, N]):
    def __init__(self, data: Tensor[B, N]) -> None:
        self.data = data

    @classmethod
    def zeros(cls, b: B, n: N) -> Seq[B, N]:
        return cls(tf.zeros(b, n))


class Box(Generic[T]):
    def __init__(self, v: T) -> None:
        self.v = v


def ones(b: B, n: N) -> Tensor[B, N]:
    return tf.ones(b, n)


def square(n: N, m: N) -> Tensor[N, N]:
    return tf.zeros(n, m)


def takes_any(s: Seq[int, int]) -> None:
    pass


s = Seq.zeros(2, 3)
reveal_type(s)  # N: Revealed type is "case_literal_size_arguments.Seq[Literal[2], Literal[3]]"
bx: Box[Seq[2, 3]] = Box(s)
direct: Seq[2, 3] = s
takes_any(s)
reveal_type(ones(2, K))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[7]]"
reveal_type(square(2, 2))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[2]]"
reveal_type(square(2, 3))  # N: Revealed type is "typedflux.tensor.Tensor[int, int]"
n = 3
reveal_type(ones(n, 3))  # N: Revealed type is "typedflux.tensor.Tensor[int, Literal[3]]"
w: Tensor[2, 4] = ones(2, 3)  # E: Assigned shape Tensor[2, 3] does not match the annotation Tensor[2, 4] of "w": axis 1 is 3, expected 4  [shape]
wrong: Seq[4, 5] = Seq.zeros(2, 3)  # E: Assigned value Seq[2, 3] does not match the annotation Seq[4, 5] of "wrong": type argument 0 is 2, expected 4  [shape]
ones(2, 3) @ tf.zeros(4, 5)  # E: Inner dimensions differ for "matmul": x has Tensor[2, 3], w has Tensor[4, 5]; need x.shape[-1] == w.shape[-2] (3 vs 4)  [shape]


def repeat(n: N) -> List[N]:
    return [n]


def pair(n: N) -> Tuple[Tensor[2, N], N]:
    return tf.zeros(2, n), n


counts: List[int] = repeat(3)  # (a dim in a list: mypy's solution from the annotation)
both: List[Seq[int, int]] = [Seq.zeros(2, 3), Seq.zeros(4, 3)]
first, size = pair(3)
reveal_type(first)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3]]"
print(counts, [q.data.shape for q in both], size)
