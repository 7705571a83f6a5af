"""A typed batch generator yields images with one-hot labels; the labels were made with the
digit count of another dataset."""
from typing import Iterator, Tuple

import typedflux as tf
from typedflux import Tensor


@tf.shapecheck
def batches(n: int) -> Iterator[Tuple[Tensor[8, 64], Tensor[8, 10]]]:
    for i in range(n):
        x = tf.randn(8, 64)
        y = tf.onehot([(i + j) % 10 for j in range(8)], 12)
        yield x, y  # BUG  # E: Yielded shape Tensor[8, 12] (tuple item 1) does not match the annotation Tensor[8, 10]: axis 1 is 12, expected 10  [shape]


for xb, yb in batches(2):
    print(xb.shape, yb.shape)
