"""jaxtyping's Float[Array, ""] scalar: a loss helper annotated to return a scalar returns
the per-sample losses."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def mse(pred: Tensor[B, 3], target: Tensor[B, 3]) -> Tensor[()]:
    return ((pred - target) ** 2).mean(axis=1)  # BUG  # E: Return shape Tensor[B] does not match the annotation Tensor[()]: rank is 1, expected 0  [shape]


print(mse(tf.randn(4, 3), tf.randn(4, 3)).item())
