"""pyright's TypeVarTuple samples in the style of a linear map over any batch prefix,
`Tensor[*Batch, I]` and a weight `Tensor[O, I]`: the weight was given transposed."""
from typing import TypeVar, TypeVarTuple

import typedflux as tf
from typedflux import Tensor

Batch = TypeVarTuple("Batch")
I = TypeVar("I", bound=int)
O = TypeVar("O", bound=int)


@tf.shapecheck
def linear(x: Tensor[*Batch, I], w: Tensor[O, I]) -> Tensor[*Batch, O]:
    return x @ w.T


w = tf.randn(8, 3)
x = tf.randn(2, 5, 8)
print(linear(x, w).shape)  # BUG  # E: Dim "I" differs for "linear": argument "x" gives I = 8, argument "w" gives I = 3; need one size for I (8 vs 3)  [shape]  # N: I=8, O=8, *Batch=(2, 5)
