"""Pyre's `Add`/`Subtract` over dims: pairs of adjacent frames, Tensor[T, D] to
Tensor[T - 1, 2*D]; the second slice starts two frames on."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def frame_pairs(x: Tensor[T, D]) -> Tensor["T - 1", "2*D"]:
    return tf.cat(x[:-1], x[1:], axis=1)


print(frame_pairs(tf.randn(10, 4)).shape)
