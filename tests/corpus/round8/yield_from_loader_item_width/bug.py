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
    yield from raw_batches(n)  # BUG[gap checker: an item of `yield from` against the generator's item annotation is mypy's [misc] ("Incompatible types in \"yield from\"") in Literal words; the run time names it: Yielded shape Tensor[8, 12] does not match the annotation Tensor[8, 10]]  # E: Incompatible types in "yield from" (actual type "Tensor[Literal[8], Literal[12]]", expected type "Tensor[Literal[8], Literal[10]]")  [misc]


for b in batches(2):
    print(b.shape)
