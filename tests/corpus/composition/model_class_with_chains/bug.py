"""A model class holds a conv body and a Dense head; the head is sized for another body."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, GlobalMeanPool, Tensor, relu

B = TypeVar("B", bound=int)


class Classifier:
    def __init__(self) -> None:
        self.body = Chain(
            Conv((3, 3), 3, 16, relu, pad=1),
            Conv((3, 3), 16, 32, relu, pad=1),
            GlobalMeanPool(),
            Flatten(),
        )
        self.head = Dense(16, 10)

    def __call__(self, x: Tensor[B, 3, 8, 8]) -> Tensor[B, 10]:
        return self.head(self.body(x))  # BUG  # E: Dense(16 => 10) expects input Tensor[..., 16], got Tensor[B, 32]; need size 16 at axis -1 (got 32)  [shape]


print(Classifier()(tf.randn(2, 3, 8, 8)).shape)
