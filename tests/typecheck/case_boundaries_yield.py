"""Yielded values against the generator's item annotation: `[shape]` errors.

A data pipeline yielding batches; `@tf.shapecheck` checks each yielded value at run time and
raises at the `yield` it came from, with the same words.
"""

from typing import Generator, Iterator, List, Tuple, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)

IMAGES = tf.randn(96, 28, 28)
LABELS = tf.zeros(96, 10)


@tf.shapecheck
def batches(size: int) -> Iterator[Tuple[Tensor[32, 784], Tensor[32, 10]]]:
    for k in range(96 // 32):
        images = IMAGES.reshape(3, 32, 784)[k]
        labels = LABELS.reshape(3, 32, 10)[k]
        yield images, labels[:, :9]  # E: Yielded shape Tensor[32, 9] (tuple item 1) does not match the annotation Tensor[32, 10]: axis 1 is 9, expected 10  [shape]


@tf.shapecheck
def batches_fixed(size: int) -> Iterator[Tuple[Tensor[32, 784], Tensor[32, 10]]]:
    for k in range(96 // 32):
        images = IMAGES.reshape(3, 32, 784)[k]
        labels = LABELS.reshape(3, 32, 10)[k]
        yield images, labels


@tf.shapecheck
def flattened(images: Tensor[B, 28, 28]) -> Generator[Tensor[B, 784], None, None]:
    yield images.reshape(images.shape[0], 28, 28, 1)  # E: Yielded shape Tensor[B, 28, 28, 1] does not match the annotation Tensor[B, 784]: rank is 4, expected 2  [shape]


@tf.shapecheck
def flattened_fixed(images: Tensor[B, 28, 28]) -> Generator[Tensor[B, 784], None, None]:
    yield images.reshape(images.shape[0], 784)


@tf.shapecheck
def augmented(x: Tensor[B, N]) -> Iterator[Tensor[B, N]]:
    yield x
    yield x.T  # E: Yielded shape Tensor[N, B] does not match the annotation Tensor[B, N]: axis 0 is N, expected B  [shape]


@tf.shapecheck
def augmented_fixed(x: Tensor[B, N]) -> Iterator[Tensor[B, N]]:
    yield x
    yield -x


seen: List[Tuple[int, ...]] = [xb.shape for xb, yb in batches(32)]
seen_fixed = [xb.shape for xb, yb in batches_fixed(32)]
list(flattened(tf.zeros(5, 28, 28)))
list(flattened_fixed(tf.zeros(5, 28, 28)))
list(augmented(tf.zeros(5, 7)))
list(augmented_fixed(tf.zeros(5, 7)))
