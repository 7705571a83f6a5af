"""Translated from Pyre's stack tests: stacking three matrices puts the new axis first; the
program stacked on axis 1."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def stack3(a: Tensor[N, M], b: Tensor[N, M], c: Tensor[N, M]) -> Tensor[3, N, M]:
    return tf.stack([a, b, c], axis=1)  # BUG  # E: Return shape Tensor[N, 3, M] does not match the annotation Tensor[3, N, M]: axis 0 is N, expected 3  [shape]


print(stack3(tf.ones(2, 4), tf.ones(2, 4), tf.ones(2, 4)).shape)
