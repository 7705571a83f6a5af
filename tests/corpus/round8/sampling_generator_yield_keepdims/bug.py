"""A token sampler typed as a generator of one id per sequence yields argmax kept as a
column."""
from typing import Iterator, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
head = Dense(16, 30)


@tf.shapecheck
def greedy(h: Tensor[B, 16], steps: int) -> Iterator[Tensor[B]]:
    for _ in range(steps):
        yield tf.argmax(head(h), axis=1, keepdims=True)  # BUG  # E: Yielded shape Tensor[B, 1] does not match the annotation Tensor[B]: rank is 2, expected 1  [shape]


for tok in greedy(tf.randn(3, 16), 2):
    print(tok.shape)
