"""jaxtyping's `"*batch c"` beside `"*batch"`: the two arguments share their batch axes.
Translated; the weights were given per channel instead of per batch element."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

C = TypeVar("C", bound=int)
Batch = TypeVarTuple("Batch")


@tf.shapecheck
def weighted_sum(x: Tensor[Unpack[Batch], C], w: Tensor[Unpack[Batch]]) -> Tensor[C]:
    return (x * w[..., None]).reshape(-1, x.shape[-1]).sum(axis=0)


x = tf.randn(2, 5, 3)
print(weighted_sum(x, tf.ones(2, 5)).shape)
