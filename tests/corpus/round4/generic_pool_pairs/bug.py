"""A generic pooling helper over pairs of steps: T -> T//2 annotated, reshape gives 2*T."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def pool_pairs(x: Tensor[B, "2*T", D]) -> Tensor[B, T, D]:
    b, t2, d = x.shape
    return x.reshape(b, t2 // 2, 2, d).sum(axis=3)  # BUG  # E: Return shape Tensor[B, T, 2] does not match the annotation Tensor[B, T, D]: axis 2 is 2, expected D  [shape]


print(pool_pairs(tf.randn(2, 6, 4)).shape)
