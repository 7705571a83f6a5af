"""An autoencoder's encode method is annotated with the code size, but returns the hidden
layer's output."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)


class AutoEncoder:
    def __init__(self) -> None:
        self.hidden = Dense(784, 128, relu)
        self.code = Dense(128, 32)

    @tf.shapecheck
    def encode(self, x: Tensor[B, 784]) -> Tensor[B, 32]:
        h = self.hidden(x)
        return self.code(h)


print(AutoEncoder().encode(tf.rand(5, 784)).shape)
