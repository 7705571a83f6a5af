"""A user-defined gating layer (typed __call__) sits in a Chain after a layer of another width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)


class Gate:
    """Multiplies its input by a learned sigmoid gate of the same width."""

    def __init__(self, width: int) -> None:
        self.gate = Dense(width, width, tf.sigmoid)

    def __call__(self, x: Tensor[B, 64]) -> Tensor[B, 64]:
        return x * self.gate(x)


model = Chain(Dense(784, 32, relu), Gate(64), Dense(64, 10))  # BUG  # E: Chain layer 2 Gate(): Argument "x" of "Gate.__call__" has shape Tensor[B, 32], which does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]  # N: input to layer 2: Tensor[B, 32]
print(model(tf.randn(2, 784)).shape)
