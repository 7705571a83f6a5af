"""super() in odd places: a method that calls super().block twice on different inputs,
super().block inside a list comprehension (Python 3.12 inlines comprehensions; 3.11 cannot),
a generator method using super(); a base whose block is a staticmethod; super().__call__ of a
base whose __call__ is decorated with tf.shapecheck."""
from __future__ import annotations
from typing import Iterator, List, TypeVar
import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


class Base:
    def __init__(self) -> None:
        self.fc = Dense(4, 4)

    def block(self, x: Tensor) -> Tensor:
        return self.fc(x)

    @tf.shapecheck
    def __call__(self, x: Tensor[B, 4]) -> Tensor[B, 4]:
        return self.block(x)


class Twice(Base):
    def block(self, x: Tensor) -> Tensor:
        a = super().block(x)
        return super().block(a) + a


class Gen(Base):
    def steps(self, x: Tensor) -> Iterator[Tensor]:
        for _ in range(2):
            x = super().block(x)
            yield x


class Static:
    @staticmethod
    def block(x: Tensor) -> Tensor:
        return tf.cat(x, x, axis=1)


class FromStatic(Static):
    def block(self, x: Tensor) -> Tensor:  # type: ignore[override]
        return super().block(x)


class Deco(Base):
    def __call__(self, x: Tensor[B, 4]) -> Tensor[B, 4]:
        return super().__call__(x) * 2.0


x = tf.zeros(2, 4)
print(Twice()(x).shape)
outs: List[Tensor] = list(Gen().steps(x))
print(Dense(4, 1)(outs[-1]).shape)
y: Tensor[2, 8] = FromStatic().block(x)
print(Dense(8, 1)(y).shape)
z: Tensor[2, 4] = Deco()(x)
print(z.shape)
