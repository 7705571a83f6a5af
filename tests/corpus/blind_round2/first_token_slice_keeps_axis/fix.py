"""Taking the first token with a slice keeps the axis the annotation drops."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def first_token(x: Tensor[B, T, D]) -> Tensor[B, D]:
    return x[:, 0]


print(first_token(tf.zeros(2, 7, 4)).shape)
