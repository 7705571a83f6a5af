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
    return x.mean(axis=1)  # BUG  # E: Return shape Tensor[B, *Rs[1:], C] does not match the annotation Tensor[B, C]: rank is len(*Rs) + 1, expected 2  [shape]  # N: for every *Rs of at least 1 item, which holds axis 1


print(pool_spatial(tf.randn(2, 5, 6, 3)).shape)
