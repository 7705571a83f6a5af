"""A hand-written linear layer stores its weight as (in, out) but annotates (out, in)."""
from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
I = TypeVar("I", bound=int)
O = TypeVar("O", bound=int)


class Linear:
    def __init__(self) -> None:
        self.weight: Tensor[10, 784] = tf.randn(10, 784) * 0.01
        self.bias: Tensor[10] = tf.zeros(10)

    def __call__(self, x: Tensor[B, 784]) -> Tensor[B, 10]:
        return x @ self.weight.T + self.bias


layer = Linear()
print(layer(tf.randn(3, 784)).shape)
