"""A Keras-style MLP: layers made in __init__, applied in an annotated __call__."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Dropout, Tensor, relu

B = TypeVar("B", bound=int)


class MLP:
    def __init__(self) -> None:
        self.hidden = Dense(20, 64, relu)
        self.drop = Dropout(0.1)
        self.out = Dense(32, 3)

    def __call__(self, x: Tensor[B, 20]) -> Tensor[B, 3]:
        h = self.drop(self.hidden(x))
        return self.out(h)  # BUG  # E: Dense(32 => 3) expects input Tensor[..., 32], got Tensor[B, 64]; need size 32 at axis -1 (got 64)  [shape]


model = MLP()
print(model(tf.randn(5, 20)).shape)
