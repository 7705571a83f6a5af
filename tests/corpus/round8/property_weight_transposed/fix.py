"""A hand-written linear layer exposes its weight through a property annotated
[out, in]; the stored matrix is [in, out]."""
from typing import Final

import typedflux as tf
from typedflux import Tensor

IN: Final = 12
OUT: Final = 4


class Linear:
    def __init__(self) -> None:
        self._w = tf.randn(IN, OUT) * 0.1

    @property
    @tf.shapecheck
    def weight(self) -> Tensor[OUT, IN]:
        return self._w.T

    def __call__(self, x: Tensor[int, IN]) -> Tensor[int, OUT]:
        return x @ self._w


lin = Linear()
print(lin.weight.shape, lin(tf.randn(2, IN)).shape)
