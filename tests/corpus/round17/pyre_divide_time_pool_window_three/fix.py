"""Pyre's Divide[T, 2], translated: pooling time by 2 halves an even length, Tensor[B, C, 2*T, 1]
to Tensor[B, C, T, 1]; a window of 3 with stride 2 and no padding loses one more step."""
from typing import TypeVar

import typedflux as tf
from typedflux import MaxPool, Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
T = TypeVar("T", bound=int)


@tf.shapecheck
def halve_time(x: Tensor[B, C, "2*T", 1]) -> Tensor[B, C, T, 1]:
    return MaxPool((2, 1))(x)


print(halve_time(tf.randn(2, 4, 16, 1)).shape)
