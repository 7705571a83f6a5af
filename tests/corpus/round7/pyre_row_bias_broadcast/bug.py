"""Translated from Pyre's broadcasting tests: a bias per row added to a matrix must get a
column axis first."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def add_row_bias(x: Tensor[N, M], b: Tensor[N]) -> Tensor[N, M]:
    return x + b  # BUG  # E: Cannot broadcast for "add": x has Tensor[N, M], y has Tensor[N]; need equal sizes or 1 at axis -1 (M vs N); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]


print(add_row_bias(tf.ones(3, 5), tf.ones(3)).shape)
