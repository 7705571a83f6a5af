"""jaxtyping's `Float[Array, "*batch 2*t d"]`: adjacent time steps averaged in pairs; the mean
was taken over the features instead of over each pair."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)
Bs = TypeVarTuple("Bs")


@tf.shapecheck
def pool_pairs(x: Tensor[Unpack[Bs], "2*T", D]) -> Tensor[Unpack[Bs], T, D]:
    pairs = tf.rearrange(x, "... (t two) d -> ... t two d", two=2)
    return pairs.mean(axis=-2)


print(pool_pairs(tf.randn(3, 8, 5)).shape)
