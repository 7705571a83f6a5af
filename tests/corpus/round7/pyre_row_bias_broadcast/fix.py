"""Translated from Pyre's broadcasting tests: a bias per row added to a matrix must get a
column axis first."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def add_row_bias(x: Tensor[N, M], b: Tensor[N]) -> Tensor[N, M]:
    return x + b[:, None]


print(add_row_bias(tf.ones(3, 5), tf.ones(3)).shape)
