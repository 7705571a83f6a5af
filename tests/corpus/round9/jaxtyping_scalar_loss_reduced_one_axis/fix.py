"""jaxtyping's `Float[Array, ""]` scalar return, translated: the loss was averaged over the
batch only, leaving one value per feature."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def l2_loss(pred: Tensor[B, D], target: Tensor[B, D]) -> Tensor[()]:
    return ((pred - target) ** 2).mean()


print(l2_loss(tf.randn(4, 3), tf.randn(4, 3)).item())
