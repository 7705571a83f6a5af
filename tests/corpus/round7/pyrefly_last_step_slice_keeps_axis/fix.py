"""Translated from pyrefly's indexing tests: the last time step as a vector per sample; a
slice keeps the axis that an index drops."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def last(x: Tensor[B, T, D]) -> Tensor[B, D]:
    return x[:, -1]


print(last(tf.ones(2, 5, 3)).shape)
