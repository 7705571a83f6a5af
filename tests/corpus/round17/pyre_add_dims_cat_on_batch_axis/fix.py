"""Pyre's Add[N, M], translated: joining two feature blocks of widths N and M along the feature
axis gives N + M features; joined along the batch axis the widths must agree and the batch
doubles."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def join(a: Tensor[B, N], b: Tensor[B, M]) -> Tensor[B, "N + M"]:
    return tf.cat(a, b, axis=1)


print(join(tf.randn(2, 4), tf.randn(2, 3)).shape)
