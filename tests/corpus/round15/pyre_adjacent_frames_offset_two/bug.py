"""Pyre's `Add`/`Subtract` over dims: pairs of adjacent frames, Tensor[T, D] to
Tensor[T - 1, 2*D]; the second slice starts two frames on."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def frame_pairs(x: Tensor[T, D]) -> Tensor["T - 1", "2*D"]:
    return tf.cat(x[:-1], x[2:], axis=1)  # BUG  # E: Sizes differ for "cat": xs[0] has Tensor[T - 1, D], xs[1] has Tensor[T - 2, D]; need equal sizes except at axis 1 (T - 1 vs T - 2 at axis 0)  [shape]


print(frame_pairs(tf.randn(10, 4)).shape)
