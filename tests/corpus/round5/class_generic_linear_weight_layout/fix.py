"""A hand-written generic linear layer (Pyre-style generic over dims) multiplying by W, not W.T."""
from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
I = TypeVar("I", bound=int)
O = TypeVar("O", bound=int)


class Linear(Generic[I, O]):
    def __init__(self, weight: Tensor[O, I]) -> None:
        self.weight = weight

    def __call__(self, x: Tensor[B, I]) -> Tensor[B, O]:
        return x @ self.weight.T


lin = Linear(tf.randn(4, 6))
print(lin(tf.randn(3, 6)).shape)
