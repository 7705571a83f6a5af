"""A residual branch that was meant to project returns its input unchanged."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)

proj = Dense(64, 32)


@tf.shapecheck
def shortcut(x: Tensor[B, 64]) -> Tensor[B, 32]:
    return x  # BUG  # E: Return shape Tensor[B, 64] does not match the annotation Tensor[B, 32]: axis 1 is 64, expected 32  [shape]


print(shortcut(tf.randn(2, 64)).shape)
