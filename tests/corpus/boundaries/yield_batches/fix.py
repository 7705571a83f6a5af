"""A batch generator yields (images, one-hot labels); the labels use 9 classes."""
from typing import Iterator, Tuple, TypeVar

import numpy as np

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def batches(images: Tensor[B, 1, 28, 28], labels: list[int]) -> Iterator[Tuple[Tensor[B, 1, 28, 28], Tensor[B, 10]]]:
    for _ in range(2):
        yield images, tf.onehot(labels, 10)


for xb, yb in batches(tf.zeros(4, 1, 28, 28), [0, 1, 2, 3]):
    print(xb.shape, yb.shape)
