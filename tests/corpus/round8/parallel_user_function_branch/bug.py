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
    Parallel(tf.add, halve, Dense(16, 8)),  # BUG[gap checker: a typed user function as a Parallel branch after a layer of known output (halve: Tensor[B, N] -> Tensor[B, N] beside Dense(16 => 8)) fails for every input, but both checkers report it only where the Chain is called; with tf.identity or relu in its place it is reported here, where built]
)
print(model(tf.randn(3, 4)).shape)  # E: Chain layer 2 Parallel(add, halve, Dense(16 => 8)): Cannot broadcast for "add": xs[0] has Tensor[3, 16], xs[1] has Tensor[3, 8]; need equal sizes or 1 at axis -1 (16 vs 8)  [shape]  # N: input to layer 2: Tensor[3, 16]
