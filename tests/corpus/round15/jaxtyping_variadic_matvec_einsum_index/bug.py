"""jaxtyping's variadic batch (`Float[Array, "*batch n m"]`, `Float[Array, "*batch m"]`): a
batched matrix-vector product written with einsum; the vector's index was written as the row
index."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
Batch = TypeVarTuple("Batch")


@tf.shapecheck
def matvec(a: Tensor[Unpack[Batch], N, M], v: Tensor[Unpack[Batch], M]) -> Tensor[Unpack[Batch], N]:
    return tf.einsum("...nm,...n->...n", a, v)  # BUG  # E: Sizes differ for "einsum": xs[0] has Tensor[*Batch, N, M], xs[1] has Tensor[*Batch, M]; need one size for "n" in "...nm,...n->...n" (N at axis -2 of xs[0] vs M at axis -1 of xs[1])  [shape]


print(matvec(tf.randn(4, 3, 5), tf.randn(4, 5)).shape)
