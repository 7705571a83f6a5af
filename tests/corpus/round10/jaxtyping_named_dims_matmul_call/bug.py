"""jaxtyping's named dims shared across arguments (`"a b"`, `"b c"` -> `"a c"`), translated:
the caller passes the second matrix untransposed."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

A = TypeVar("A", bound=int)
Bd = TypeVar("Bd", bound=int)
C = TypeVar("C", bound=int)


@tf.shapecheck
def matmul(x: Tensor[A, Bd], y: Tensor[Bd, C]) -> Tensor[A, C]:
    return x @ y


w = tf.randn(6, 4)
print(matmul(tf.randn(3, 4), w).shape)  # BUG  # E: Dim "Bd" differs for "matmul": argument "x" gives Bd = 4, argument "y" gives Bd = 6; need one size for Bd (4 vs 6)  [shape]  # N: A=3, Bd=4
