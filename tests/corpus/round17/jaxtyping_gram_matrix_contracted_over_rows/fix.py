"""jaxtyping's Float[Array, "batch 5 3"] -> Float[Array, "batch 5 5"], translated: the Gram
matrix of five 3-d points contracts the feature axis, x @ x^T; contracting the point axis gives
the 3x3 covariance instead."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def gram(points: Tensor[B, 5, 3]) -> Tensor[B, 5, 5]:
    return points @ points.swapaxes(-1, -2)


print(gram(tf.randn(4, 5, 3)).shape)
