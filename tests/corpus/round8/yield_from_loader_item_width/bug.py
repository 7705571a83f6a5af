"""A batch generator delegating to another with yield from; the inner one yields the
un-projected features."""
from typing import Iterator

import typedflux as tf
from typedflux import Dense, Tensor

proj = Dense(12, 10)


def raw_batches(n: int) -> Iterator[Tensor[8, 12]]:
    for _ in range(n):
        yield tf.randn(8, 12)


def projected(n: int) -> Iterator[Tensor[8, 10]]:
    for xb in raw_batches(n):
        yield proj(xb)


@tf.shapecheck
def batches(n: int) -> Iterator[Tensor[8, 10]]:
    yield from raw_batches(n)  # BUG  # E: Yielded shape Tensor[8, 12] does not match the annotation Tensor[8, 10]: axis 1 is 12, expected 10  [shape]


for b in batches(2):
    print(b.shape)
