"""Taking the first token with a slice keeps the axis the annotation drops."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def first_token(x: Tensor[B, T, D]) -> Tensor[B, D]:
    return x[:, 0:1]  # BUG  # E: Return shape Tensor[B, 1, D] does not match the annotation Tensor[B, D]: rank is 3, expected 2  [shape]


print(first_token(tf.zeros(2, 7, 4)).shape)
