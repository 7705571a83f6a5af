"""A name rebound by a loop through its own variable (``for layer in self.layers: x =
layer(x)``), then returned: each pass may change the shape, so mypy's type for the name there
(its first type, ``Tensor[B, 784]``) proves nothing about the value returned. Both models
below are correct and run; they were a false ``Return shape Tensor[B, 784] does not match the
annotation Tensor[B, 10]`` (under ``allow_redefinition``, mypy's own ``[return-value]`` with a
union in ``Literal`` words; tests/plugin/test_boundaries.py). A loop that rebinds the name by
other means keeps its check: ``x + 1`` keeps the shape, and the return is still an error.
"""

from typing import List, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)


class MLP:
    def __init__(self) -> None:
        self.layers = [Dense(784, 256, relu), Dense(256, 10)]

    @tf.shapecheck
    def __call__(self, x: Tensor[B, 784]) -> Tensor[B, 10]:
        for layer in self.layers:
            x = layer(x)
        return x

    @tf.shapecheck
    def hidden(self, x: Tensor[B, 784]) -> Tensor[B, 10]:
        h = x
        for layer in self.layers:
            h = layer(h)
        return h

    @tf.shapecheck
    def indexed(self, x: Tensor[B, 784]) -> Tensor[B, 10]:
        for i in range(len(self.layers)):
            x = self.layers[i](x)
        return x


@tf.shapecheck
def shifted(x: Tensor[B, 784]) -> Tensor[B, 10]:
    for _ in range(3):
        x = x + 1
    return x  # E: Return shape Tensor[B, 784] does not match the annotation Tensor[B, 10]: axis 1 is 784, expected 10  [shape]


def width(x: Tensor[B, 784], layers: List[Dense[784, 784]]) -> int:
    for layer in layers:
        x = layer(x)
    return x  # E: Incompatible return value type (got "Tensor[B, Literal[784]]", expected "int")  [return-value]


model = MLP()
assert model(tf.randn(3, 784)).shape == (3, 10)
assert model.hidden(tf.randn(2, 784)).shape == (2, 10)
assert model.indexed(tf.randn(4, 784)).shape == (4, 10)
shifted(tf.randn(5, 784))
