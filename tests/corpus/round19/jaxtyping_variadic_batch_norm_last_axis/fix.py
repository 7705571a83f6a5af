"""jaxtyping's variadic batch dims, Float[Array, "*batch c"] -> Float[Array, "*batch"]: the
L2 norm over the last axis of any batch of vectors; the norms of token embeddings (B, T, C)
weight the tokens of a (B, T) mask."""
from __future__ import annotations

from typing import TypeVar, TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Batch = TypeVarTuple("Batch")
C = TypeVar("C", bound=int)


@tf.shapecheck
def l2_norm(x: Tensor[Unpack[Batch], C]) -> Tensor[Unpack[Batch]]:
    return tf.sqrt((x * x).sum(axis=-1))


tokens = tf.randn(2, 7, 16)
mask = tf.ones(2, 7)
norms = l2_norm(tokens)
weighted = norms * mask
print(weighted.shape)
