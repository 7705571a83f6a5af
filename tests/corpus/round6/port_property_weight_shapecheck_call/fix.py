"""A projection with its weight behind a property and a checked __call__; the caller passes
the output width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


class Projection:
    def __init__(self) -> None:
        self._w: Tensor[64, 16] = tf.randn(64, 16) * 0.05

    @property
    def weight(self) -> Tensor[64, 16]:
        return self._w

    @tf.shapecheck
    def __call__(self, x: Tensor[B, 64]) -> Tensor[B, 16]:
        return x @ self.weight


p = Projection()
z = p(tf.randn(4, 64))
print(z.shape)
