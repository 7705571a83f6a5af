"""GPflow's `@check_shapes("x: [batch..., n]", "return: [batch..., 1]")`: a mean function
returning one value per input point keeps a trailing unit axis; translated with a variadic
batch, the sum dropped it."""
from typing import Literal, TypeVar, TypeVarTuple

import typedflux as tf
from typedflux import Tensor

Batch = TypeVarTuple("Batch")
N = TypeVar("N", bound=int)


@tf.shapecheck
def linear_mean(x: Tensor[*Batch, N], a: Tensor[N]) -> Tensor[*Batch, 1]:
    return (x * a).sum(axis=-1, keepdims=True)


print(linear_mean(tf.randn(4, 6, 3), tf.randn(3)).shape)
