"""``yield from`` an iterable whose items are not the generator's item annotation: a
`[shape]` error at the ``yield from`` (mypy's own was `[misc]`, `Incompatible types in "yield
from"`, in ``Literal`` words). ``@tf.shapecheck`` checks each item the generator passes on
and raises at the ``yield from`` too, in the same words (callbacks/yield_from.py)."""

from typing import Iterator, List, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
proj = Dense(12, 10)


def raw_batches(n: int) -> Iterator[Tensor[8, 12]]:
    for _ in range(n):
        yield tf.randn(8, 12)


def projected(n: int) -> Iterator[Tensor[8, 10]]:
    for xb in raw_batches(n):
        yield proj(xb)


@tf.shapecheck
def batches(n: int) -> Iterator[Tensor[8, 10]]:
    yield from raw_batches(n)  # E: Yielded shape Tensor[8, 12] does not match the annotation Tensor[8, 10]: axis 1 is 12, expected 10  [shape]


@tf.shapecheck
def batches_fixed(n: int) -> Iterator[Tensor[8, 10]]:
    yield from projected(n)


@tf.shapecheck
def from_list(n: int) -> Iterator[Tensor[4, 3]]:
    held: List[Tensor[4, 5]] = [tf.zeros(4, 5)] * n
    yield from held  # E: Yielded shape Tensor[4, 5] does not match the annotation Tensor[4, 3]: axis 1 is 5, expected 3  [shape]


@tf.shapecheck
def from_list_fixed(n: int) -> Iterator[Tensor[4, 3]]:
    held: List[Tensor[4, 3]] = [tf.zeros(4, 3)] * n
    yield from held


def rows(x: Tensor[B, 12]) -> Iterator[Tensor[B, 12]]:
    yield x


@tf.shapecheck
def features(x: Tensor[B, 12]) -> Iterator[Tensor[B, 10]]:
    yield from rows(x)  # E: Yielded shape Tensor[B, 12] does not match the annotation Tensor[B, 10]: axis 1 is 12, expected 10  [shape]


@tf.shapecheck
def features_fixed(x: Tensor[B, 12]) -> Iterator[Tensor[B, 10]]:
    for row in rows(x):
        yield proj(row)


list(batches(2))
list(batches_fixed(2))
list(from_list(2))
list(from_list_fixed(2))
list(features(tf.randn(3, 12)))
list(features_fixed(tf.randn(3, 12)))
