"""A residual scaling returns 0.5 * x (a number on the left of the operator, so mypy's own
return check runs) where the annotation promises the projected width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def half(x: Tensor[B, 32]) -> Tensor[B, 64]:
    return 0.5 * x  # BUG  # E: Return shape Tensor[B, 32] does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]


print(half(tf.randn(2, 32)).shape)
