"""The `shapecheck` library's `@check_shapes('-1,N', 'N', out_='-1')`: a row-wise dot product
with a vector returns one value per row; translated with TypeVars, it summed over the rows."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


@tf.shapecheck
def row_dot(x: Tensor[B, N], v: Tensor[N]) -> Tensor[B]:
    return (x * v).sum(axis=0)  # BUG  # E: Return shape Tensor[N] does not match the annotation Tensor[B]: axis 0 is N, expected B  [shape]


print(row_dot(tf.randn(5, 3), tf.randn(3)).shape)
