"""n2cholas/shapecheck's `@check_shapes('-1,N', 'N', out_='-1')` (any number of rows),
translated with an unknown dim: the product with a column vector keeps a trailing axis."""
from typing import Any, TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)


@tf.shapecheck
def rows_dot(x: Tensor[Any, N], v: Tensor[N]) -> Tensor[Any]:
    return x @ v


print(rows_dot(tf.randn(3, 4), tf.randn(4)).shape)
