"""A scaled output is returned with the number on the left of the operator."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)

layer = Dense(16, 8)


@tf.shapecheck
def scaled(x: Tensor[B, 16]) -> Tensor[B, 4]:
    return 0.5 * layer(x)  # BUG  # E: Return shape Tensor[B, 8] does not match the annotation Tensor[B, 4]: axis 1 is 8, expected 4  [shape]


print(scaled(tf.randn(2, 16)).shape)
