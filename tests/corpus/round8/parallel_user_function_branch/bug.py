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
    Parallel(tf.add, halve, Dense(16, 8)),  # BUG  # E: Chain layer 2 Parallel(add, halve, Dense(16 => 8)): Cannot broadcast for "add": xs[0] has Tensor[B, 16], xs[1] has Tensor[B, 8]; need equal sizes or 1 at axis -1 (16 vs 8)  [shape]  # N: input to layer 2: Tensor[B, 16]
)
print(model(tf.randn(3, 4)).shape)
