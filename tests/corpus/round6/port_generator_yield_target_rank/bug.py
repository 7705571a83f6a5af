"""A batch generator with a checked signature; the targets are yielded as a vector where a
column is declared."""
from typing import Iterator, Tuple, TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)


@tf.shapecheck
def batches(x: Tensor[N, 8], y: Tensor[N], size: int) -> Iterator[Tuple[Tensor[int, 8], Tensor[int, 1]]]:
    for i in range(0, x.shape[0], size):
        yield x[i:i + size], y[i:i + size]  # BUG  # E: Yielded shape Tensor[?] (tuple item 1) does not match the annotation Tensor[?, 1]: rank is 1, expected 2  [shape]


for xb, yb in batches(tf.randn(20, 8), tf.randn(20), 5):
    print(xb.shape, yb.shape)
