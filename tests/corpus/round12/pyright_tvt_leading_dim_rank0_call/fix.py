"""pyright's TypeVarTuple samples: a function taking `Array[N, *Shape]` called with an array of
rank 0 is an error (the leading dim is missing); translated to Tensor with a first-row
function."""
from typing import TypeVar, TypeVarTuple

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
Shape = TypeVarTuple("Shape")


@tf.shapecheck
def first(x: Tensor[N, *Shape]) -> Tensor[*Shape]:
    return x[0]


scores = tf.randn(4, 3)
best = scores.max(axis=1)
print(first(best).shape)
