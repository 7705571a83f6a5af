"""A Parallel(tf.add, ...) with a typed user function as one branch: the function keeps the
width, the other branch projects it."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Parallel, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


def halve(x: Tensor[B, N]) -> Tensor[B, N]:
    return x * 0.5


model = Chain(
    Dense(4, 16, relu),
    Parallel(tf.add, halve, Dense(16, 16)),
)
print(model(tf.randn(3, 4)).shape)
