"""jaxtyping's `*batch` dims on a batched matrix-vector product, translated: the vectors
have the matrix's row count, not its column count."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Bs = TypeVarTuple("Bs")
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def matvec(m: Tensor[Unpack[Bs], N, M], v: Tensor[Unpack[Bs], M]) -> Tensor[Unpack[Bs], N]:
    return (m @ v[..., None])[..., 0]


out = matvec(tf.randn(2, 3, 5, 4), tf.randn(2, 3, 5))  # BUG  # E: Dim "M" differs for "matvec": argument "m" gives M = 4, argument "v" gives M = 5; need one size for M (4 vs 5)  [shape]  # N: N=5, M=4, *Bs=(2, 3)
print(out.shape)
