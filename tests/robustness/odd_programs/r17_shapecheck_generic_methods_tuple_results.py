"""Correct (round 17's false-alarm hunt): @tf.shapecheck on methods of a generic class; Tuple[X, ...] results."""
from typing import Generic, Tuple, TypeVar
import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
I = TypeVar("I", bound=int)
O = TypeVar("O", bound=int)


class Linear(Generic[I, O]):
    def __init__(self, weight: Tensor[O, I]) -> None:
        self.weight = weight

    @tf.shapecheck
    def __call__(self, x: Tensor[B, I]) -> Tensor[B, O]:
        return x @ self.weight.T

    @tf.shapecheck
    def heads(self, x: Tensor[B, I]) -> Tuple[Tensor[B, O], ...]:
        y = self(x)
        return (y, y, y)


lin = Linear(tf.zeros(3, 4))
print(lin(tf.zeros(2, 4)).shape, len(lin.heads(tf.zeros(5, 4))))


@tf.shapecheck
def parts(x: Tensor[B, 12]) -> Tuple[Tensor[B, 4], ...]:
    return tf.chunk(x, 3, axis=1)


print(len(parts(tf.zeros(2, 12))))
