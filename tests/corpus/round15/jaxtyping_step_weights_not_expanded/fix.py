"""jaxtyping's `Float[Array, "b t d"]` and `Float[Array, "b t"]`: attention pooling weights each
step's features; the weights were not given a feature axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def weighted_pool(x: Tensor[B, T, D], w: Tensor[B, T]) -> Tensor[B, D]:
    return (x * w[..., None]).sum(axis=1)


print(weighted_pool(tf.randn(2, 5, 8), tf.softmax(tf.randn(2, 5), axis=1)).shape)
