"""jaxtyping style: a function applying a feature map passed as a Callable; the layer given
produces another width."""
from typing import Callable, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def embed_all(f: Callable[[Tensor[B, 12]], Tensor[B, 4]], x: Tensor[B, 12]) -> Tensor[B, 4]:
    return f(x)


print(embed_all(Dense(12, 6), tf.randn(3, 12)).shape)  # BUG  # E: Argument "f" of "embed_all" is Dense(12 => 6), whose output Tensor[B, 6] for Tensor[B, 12] does not match the annotation Tensor[B, 4]: axis 1 is 6, expected 4  [shape]
