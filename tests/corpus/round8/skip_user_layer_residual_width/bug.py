"""A residual around a user layer class with a typed __call__ that changes the width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)


class Expand:
    def __init__(self) -> None:
        self.fc = Dense(16, 32, relu)

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 32]:
        return self.fc(x)


model = Chain(Dense(8, 16), SkipConnection(Expand(), tf.add))  # BUG  # E: SkipConnection(Expand(), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 32], xs[1] has Tensor[B, 16]; need equal sizes or 1 at axis -1 (32 vs 16)  [shape]
print(model(tf.randn(3, 8)).shape)
