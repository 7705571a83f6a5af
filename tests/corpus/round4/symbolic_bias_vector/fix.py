"""A generic layer function adds a bias sized by the input width to the output width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


def affine(x: Tensor[B, N], w: Tensor[N, M], b: Tensor[M]) -> Tensor[B, M]:
    return x @ w + b


print(affine(tf.randn(2, 3), tf.randn(3, 4), tf.randn(4)).shape)
