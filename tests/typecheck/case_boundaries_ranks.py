"""A value of unknown size whose rank differs from the annotation's: to mypy a
``Tensor[Any]`` (a slice ``y[i:j]`` of a vector: its size is unknown) is a subtype of
``Tensor[int, Literal[1]]``, since an ``Any`` item stands for the whole variadic run, so mypy
says nothing; the run time raises ``rank is 1, expected 2``. Returned, yielded (alone and as
a tuple item) and assigned; an unknown size of the right rank stays silent, as do the fixes.
"""

from typing import Iterator, Tuple, TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)


@tf.shapecheck
def head(y: Tensor[N], k: int) -> Tensor[int, 1]:
    return y[0:k]  # E: Return shape Tensor[?] does not match the annotation Tensor[?, 1]: rank is 1, expected 2  [shape]


@tf.shapecheck
def head_fixed(y: Tensor[N], k: int) -> Tensor[int, 1]:
    return y[0:k].reshape(k, 1)


@tf.shapecheck
def head_vector(y: Tensor[N], k: int) -> Tensor[int]:
    return y[0:k]


@tf.shapecheck
def targets(y: Tensor[N], size: int) -> Iterator[Tensor[int, 1]]:
    for i in range(0, y.shape[0], size):
        yield y[i:i + size]  # E: Yielded shape Tensor[?] does not match the annotation Tensor[?, 1]: rank is 1, expected 2  [shape]


@tf.shapecheck
def batches(x: Tensor[N, 8], y: Tensor[N], size: int) -> Iterator[Tuple[Tensor[int, 8], Tensor[int, 1]]]:
    for i in range(0, x.shape[0], size):
        yield x[i:i + size], y[i:i + size]  # E: Yielded shape Tensor[?] (tuple item 1) does not match the annotation Tensor[?, 1]: rank is 1, expected 2  [shape]


@tf.shapecheck
def batches_fixed(x: Tensor[N, 8], y: Tensor[N], size: int) -> Iterator[Tuple[Tensor[int, 8], Tensor[int]]]:
    for i in range(0, x.shape[0], size):
        yield x[i:i + size], y[i:i + size]


def assigned(y: Tensor[N], k: int) -> None:
    column: Tensor[int, 1] = y[0:k]  # E: Assigned shape Tensor[?] does not match the annotation Tensor[?, 1] of "column": rank is 1, expected 2  [shape]
    vector: Tensor[int] = y[0:k]


head(tf.randn(6), 2)
head_fixed(tf.randn(6), 2)
head_vector(tf.randn(6), 2)
list(targets(tf.randn(6), 2))
list(batches(tf.randn(6, 8), tf.randn(6), 2))
list(batches_fixed(tf.randn(6, 8), tf.randn(6), 2))
