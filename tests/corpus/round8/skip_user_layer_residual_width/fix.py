"""A residual around a user layer class with a typed __call__ that changes the width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)


class Expand:
    def __init__(self) -> None:
        self.fc = Dense(16, 16, relu)

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 16]:
        return self.fc(x)


model = Chain(Dense(8, 16), SkipConnection(Expand(), tf.add))
print(model(tf.randn(3, 8)).shape)
