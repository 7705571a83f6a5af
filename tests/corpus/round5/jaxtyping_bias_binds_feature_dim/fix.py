"""jaxtyping-style: a bias of the time length passed where the feature dim is bound."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def add_bias(x: Tensor[B, T, D], b: Tensor[D]) -> Tensor[B, T, D]:
    return x + b


x = tf.randn(2, 10, 16)
print(add_bias(x, tf.zeros(16)).shape)
