"""pyright's TypeVarTuple prefix sample (`Array[*Shape, H, W]`), translated: a function that
should swap the last two axes returns its argument unchanged."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Bs = TypeVarTuple("Bs")
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def to_wh(x: Tensor[Unpack[Bs], H, W]) -> Tensor[Unpack[Bs], W, H]:
    return x.swapaxes(-1, -2)


print(to_wh(tf.randn(2, 3, 4)).shape)
