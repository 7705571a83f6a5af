"""jaxtyping's `Float[Array, "batch"]` return for a per-row norm, translated: the norm was
computed with keepdims, which leaves a trailing axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def row_norm(x: Tensor[B, D]) -> Tensor[B]:
    return tf.sqrt((x * x).sum(axis=-1))


print(row_norm(tf.randn(3, 4)).shape)
