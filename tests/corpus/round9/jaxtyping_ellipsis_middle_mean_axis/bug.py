"""jaxtyping's `Float[Array, "batch ... channels"]`, translated with a variadic middle: the
spatial mean over axis 1 removes one spatial axis, not all of them."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
Rs = TypeVarTuple("Rs")


@tf.shapecheck
def pool_spatial(x: Tensor[B, Unpack[Rs], C]) -> Tensor[B, C]:
    return x.mean(axis=1)  # BUG[gap checker: a reduction over an axis inside a variadic run (x.mean(axis=1) of Tensor[B, *Rs, C]) has an unknown shape, so the return annotation Tensor[B, C] (right only when the run has length 1) is not compared]


print(pool_spatial(tf.randn(2, 5, 6, 3)).shape)
