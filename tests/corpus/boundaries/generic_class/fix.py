"""A generic hand-written linear map is applied to inputs of the wrong width."""
from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
I = TypeVar("I", bound=int)
O = TypeVar("O", bound=int)


class Linear(Generic[I, O]):
    weight: Tensor[O, I]
    bias: Tensor[O]

    def __init__(self, weight: Tensor[O, I], bias: Tensor[O]) -> None:
        self.weight = weight
        self.bias = bias

    @tf.shapecheck
    def __call__(self, x: Tensor[B, I]) -> Tensor[B, O]:
        return x @ self.weight.T + self.bias


head = Linear(tf.randn(10, 64), tf.zeros(10))
features = tf.randn(8, 64)
print(head(features).shape)
