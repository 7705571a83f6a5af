"""A gated linear unit written as a Parallel with a typed connection (value * sigmoid(gate),
one width D for both); the gate branch was built wider."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Parallel, Tensor

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)


def gate(value: Tensor[B, D], g: Tensor[B, D]) -> Tensor[B, D]:
    return value * tf.sigmoid(g)


model = Chain(
    Dense(10, 32),
    Parallel(gate, Dense(32, 64), Dense(32, 128)),  # BUG  # E: Parallel(gate, Dense(32 => 64), Dense(32 => 128)) cannot join its branches: Dim "D" differs for "gate": argument "value" gives D = 64, argument "g" gives D = 128; need one size for D (64 vs 128)  [shape]  # N: D=64
    Dense(64, 1),
)
print(model(tf.randn(4, 10)).shape)
