"""A function over *Bs leading dims flattens the last two axes but is annotated to keep them."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Bs = TypeVarTuple("Bs")
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def flatten_last(x: Tensor[Unpack[Bs], H, W]) -> Tensor[Unpack[Bs], "H*W"]:
    return tf.rearrange(x, "... h w -> ... (h w)")


print(flatten_last(tf.randn(2, 3, 4, 5)).shape)
