"""PyTorch's named-tensor tests (translated): unflatten("features", (("C", 3), ("H", 4)))
splits a flattened axis C*H back into (C, H); the sizes were given as (H, C)."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def unflatten(x: Tensor[B, 12]) -> Tensor[B, 3, 4]:
    return x.reshape(x.shape[0], 4, 3)  # BUG  # E: Return shape Tensor[B, 4, 3] does not match the annotation Tensor[B, 3, 4]: axis 1 is 4, expected 3  [shape]


print(unflatten(tf.zeros(5, 12)).shape)
