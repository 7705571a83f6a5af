"""Taking the last time step with an int index drops the axis a 3-D op expects."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def last_step(h: Tensor[B, T, D]) -> Tensor[B, 1, D]:
    return h[:, -1]  # BUG  # E: Return shape Tensor[B, D] does not match the annotation Tensor[B, 1, D]: rank is 2, expected 3  [shape]


print(last_step(tf.randn(2, 4, 3)).shape)
