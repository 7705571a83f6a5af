"""Parameter defaults and property setters that fit their annotations, in odd places."""
from typing import Optional, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
ZEROS = tf.zeros(1, 4)


def scale(x: Tensor[B, 4], w: Tensor[4, 4] = tf.ones(4, 4), *, b: Tensor[4] = tf.zeros(4)) -> Tensor[B, 4]:
    return x @ w + b


def shift(x: Tensor[B, 4], by: Optional[Tensor[1, 4]] = None, base: Tensor[1, 4] = ZEROS) -> Tensor[B, 4]:
    return x + (base if by is None else by)


def outer() -> Tensor[2, 4]:
    def inner(x: Tensor[2, 4] = tf.zeros(2, 4), k: int = 3) -> Tensor[2, 4]:
        return x * k
    return inner()


class Model:
    def __init__(self, pos: Tensor[8, 4] = tf.zeros(8, 4)) -> None:
        self._w: Tensor[4, 4] = tf.ones(4, 4)
        self.pos = pos
        self.fc = Dense(4, 4)

    @property
    def weight(self) -> Tensor[4, 4]:
        return self._w

    @weight.setter
    def weight(self, value: Tensor[4, 4]) -> None:
        self._w = value

    @weight.deleter
    def weight(self) -> None:
        self._w = tf.zeros(4, 4)

    def run(self, x: Tensor[B, 4], k: float = 0.5, mask: Optional[Tensor[B, 4]] = None) -> Tensor[B, 4]:
        h = self.fc(x) @ self.weight
        return h * k if mask is None else h * mask


m = Model()
m.weight = tf.randn(4, 4)
m.weight = m.weight.T
del m.weight
print(scale(tf.randn(3, 4)).shape, shift(tf.randn(2, 4)).shape, outer().shape)
print(m.run(tf.randn(5, 4)).shape, m.run(tf.randn(5, 4), mask=tf.ones(5, 4)).shape)
print(Model(tf.randn(8, 4)).pos.shape)
