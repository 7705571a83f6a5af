"""(Pyre style) a generic projection multiplies by the transposed weight."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
D = TypeVar("D", bound=int)
K = TypeVar("K", bound=int)


@tf.shapecheck
def project(x: Tensor[B, N, D], w: Tensor[D, K]) -> Tensor[B, N, K]:
    return x @ w


print(project(tf.randn(2, 3, 4), tf.randn(4, 5)).shape)
