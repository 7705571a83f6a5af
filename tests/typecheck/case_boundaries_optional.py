"""An ``Optional`` result of a generic function returned where an ``Optional`` tensor is
declared (``first(xs) -> Optional[T]``): mypy compares the two unions (``Tensor[B, 32] |
None`` against ``Tensor[B, 64] | None``); ``None`` fits both, so the tensors' shapes are
what differ, reported as a ``[shape]`` error naming the axis. Concrete and symbolic, each
fix clean. `@tf.shapecheck` raises the same words at run time (the calls at the bottom).
"""

from typing import List, Optional, Sequence, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T")

proj = Dense(32, 64)


def first(xs: Sequence[T]) -> Optional[T]:
    return xs[0] if xs else None


@tf.shapecheck
def head(xs: List[Tensor[B, 32]]) -> Optional[Tensor[B, 64]]:
    return first(xs)  # E: Return shape Tensor[B, 32] does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def head_fixed(xs: List[Tensor[B, 32]]) -> Optional[Tensor[B, 64]]:
    return first([proj(x) for x in xs])


@tf.shapecheck
def head4(xs: List[Tensor[4, 32]]) -> Optional[Tensor[4, 64]]:
    return first(xs)  # E: Return shape Tensor[4, 32] does not match the annotation Tensor[4, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def head4_fixed(xs: List[Tensor[4, 32]]) -> Optional[Tensor[4, 64]]:
    return first([proj(x) for x in xs])


def kept(xs: List[Tensor[B, 32]]) -> None:
    h: Optional[Tensor[B, 64]] = first(xs)  # E: Assigned shape Tensor[B, 32] does not match the annotation Tensor[B, 64] of "h": axis 1 is 32, expected 64  [shape]


def kept_fixed(xs: List[Tensor[B, 32]]) -> None:
    h: Optional[Tensor[B, 32]] = first(xs)


# -- None is not allowed: more than a shape, mypy's own error stays -----------------------------
def strict_head(xs: List[Tensor[B, 64]]) -> Tensor[B, 64]:
    return first(xs)  # E: Incompatible return value type (got "Tensor[B, Literal[64]] | None", expected "Tensor[B, Literal[64]]")  [return-value]


xs4 = [tf.zeros(4, 32)]
head(xs4)
head_fixed(xs4)
head4(xs4)
head4_fixed(xs4)
kept(xs4)
kept_fixed(xs4)
