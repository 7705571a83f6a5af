"""A function returns either the cached projection or a fresh one, by a flag; the fresh
branch skips the projection."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
proj = Dense(16, 8)


@tf.shapecheck
def project(x: Tensor[B, 16], cached: Tensor[B, 8], use_cache: bool) -> Tensor[B, 8]:
    return cached if use_cache else proj(x)


print(project(tf.randn(2, 16), tf.randn(2, 8), False).shape)
