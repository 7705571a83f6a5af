"""Translated from pyrefly's concat tests: joining two feature blocks of one batch; the
program concatenated along the batch."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def join(a: Tensor[B, N], b: Tensor[B, M]) -> Tensor[B, "N+M"]:
    return tf.concat([a, b], axis=0)  # BUG  # E: Sizes differ for "concat": xs[0] has Tensor[B, N], xs[1] has Tensor[B, M]; need equal sizes except at axis 0 (N vs M at axis 1)  [shape]


print(join(tf.ones(2, 3), tf.ones(2, 5)).shape)
