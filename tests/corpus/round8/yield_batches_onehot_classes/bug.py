"""A typed batch generator yields images and one-hot labels; the labels were made for 9
classes."""
from typing import Iterator, Tuple

import typedflux as tf
from typedflux import Tensor


@tf.shapecheck
def batches(n: int) -> Iterator[Tuple[Tensor[8, 784], Tensor[8, 10]]]:
    for i in range(n):
        x = tf.rand(8, 784)
        y = tf.onehot([(i + j) % 9 for j in range(8)], 9)
        yield x, y  # BUG  # E: Yielded shape Tensor[8, 9] (tuple item 1) does not match the annotation Tensor[8, 10]: axis 1 is 9, expected 10  [shape]


for xb, yb in batches(2):
    print(xb.shape, yb.shape)
