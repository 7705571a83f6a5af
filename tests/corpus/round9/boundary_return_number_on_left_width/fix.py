"""A residual scaling returns 0.5 * x (a number on the left of the operator, so mypy's own
return check runs) where the annotation promises the projected width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def half(x: Tensor[B, 32]) -> Tensor[B, 32]:
    return 0.5 * x


print(half(tf.randn(2, 32)).shape)
