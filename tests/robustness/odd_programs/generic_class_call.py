"""A generic user class over dims whose __call__ is typed, used in a Chain and directly."""
from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor

B = TypeVar("B", bound=int)
I = TypeVar("I", bound=int)
O = TypeVar("O", bound=int)


class Affine(Generic[I, O]):
    def __init__(self, w: Tensor[O, I]) -> None:
        self.w = w

    def __call__(self, x: Tensor[B, I]) -> Tensor[B, O]:
        return x @ self.w.T


aff = Affine(tf.randn(3, 4))
print(aff(tf.randn(2, 4)).shape)
model = Chain(Dense(5, 4), aff)
print(model(tf.randn(2, 5)).shape)
