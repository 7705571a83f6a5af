"""Translated from torchtyping's reduction tests: a numerically stable softmax subtracts the
row maximum, which must keep its axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
C = TypeVar("C", bound=int)


@tf.shapecheck
def stable_softmax(x: Tensor[N, C]) -> Tensor[N, C]:
    z = tf.exp(x - x.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


print(stable_softmax(tf.randn(4, 6)).shape)
