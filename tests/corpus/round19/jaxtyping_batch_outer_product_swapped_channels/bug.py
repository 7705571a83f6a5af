"""jaxtyping's README example, batch_outer_product(x: Float[Array, "b c1"], y: Float[Array,
"b c2"]) -> Float[Array, "b c1 c2"], written with TypeVars and checked at run time by
tf.shapecheck (jaxtyping's @jaxtyped(typechecker=...)); the outer products of two feature
sets feed a bilinear pooling head."""
from __future__ import annotations

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
C1 = TypeVar("C1", bound=int)
C2 = TypeVar("C2", bound=int)


@tf.shapecheck
def batch_outer_product(x: Tensor[B, C1], y: Tensor[B, C2]) -> Tensor[B, C1, C2]:
    return x[:, None, :] * y[:, :, None]  # BUG  # E: Return shape Tensor[B, C2, C1] does not match the annotation Tensor[B, C1, C2]: axis 1 is C2, expected C1  [shape]


colour = tf.randn(4, 3)
texture = tf.randn(4, 5)
pooled = batch_outer_product(colour, texture)
head = Dense(3 * 5, 2)
print(head(pooled.reshape(4, 15)).shape)
