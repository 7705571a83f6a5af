"""Prepending a CLS token (N+1 tokens) concatenates on the feature axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def prepend_cls(x: Tensor[B, N, D], cls: Tensor[B, 1, D]) -> Tensor[B, "N+1", D]:
    return tf.concat([cls, x], axis=2)  # BUG  # E: Sizes differ for "concat": xs[0] has Tensor[B, 1, D], xs[1] has Tensor[B, N, D]; need equal sizes except at axis 2 (1 vs N at axis 1)  [shape]


print(prepend_cls(tf.zeros(2, 9, 16), tf.zeros(2, 1, 16)).shape)
