"""A hand-written linear layer holding its weight [in, out] and a bias row; the bias was
made with the input width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


class Linear:
    def __init__(self) -> None:
        self.w = tf.randn(16, 8) * 0.1
        self.b = tf.zeros(1, 16)

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 8]:
        return x @ self.w + self.b  # BUG  # E: Cannot broadcast for "add": x has Tensor[B, 8], y has Tensor[1, 16]; need equal sizes or 1 at axis -1 (8 vs 16)  [shape]


print(Linear()(tf.randn(4, 16)).shape)
