"""jaxtyping's `Float[Array, ""]` scalar return, translated: the loss was averaged over the
batch only, leaving one value per feature."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def l2_loss(pred: Tensor[B, D], target: Tensor[B, D]) -> Tensor[()]:
    return ((pred - target) ** 2).mean(axis=0)  # BUG  # E: Return shape Tensor[D] does not match the annotation Tensor[()]: rank is 1, expected 0  [shape]


print(l2_loss(tf.randn(4, 3), tf.randn(4, 3)).item())
