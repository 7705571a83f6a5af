"""jaxtyping style: a function applying a feature map passed as a Callable; the layer given
produces another width."""
from typing import Callable, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def embed_all(f: Callable[[Tensor[B, 12]], Tensor[B, 4]], x: Tensor[B, 12]) -> Tensor[B, 4]:
    return f(x)


print(embed_all(Dense(12, 4), tf.randn(3, 12)).shape)
