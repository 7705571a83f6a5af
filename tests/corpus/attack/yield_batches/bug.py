"""A data generator yields images unflattened where its annotation promises flat rows."""
from typing import Iterator

import typedflux as tf
from typedflux import Tensor


@tf.shapecheck
def batches(n: int) -> Iterator[Tensor[32, 784]]:
    for _ in range(n):
        x = tf.rand(32, 28, 28)
        yield x  # BUG  # E: Yielded shape Tensor[32, 28, 28] does not match the annotation Tensor[32, 784]: rank is 3, expected 2  [shape]


for b in batches(2):
    print(b.shape)
