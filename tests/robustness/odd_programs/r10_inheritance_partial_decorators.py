"""Inheritance, super().__init__, properties, decorators, partial."""
import functools
from typing import Callable, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu, gelu

B = TypeVar("B", bound=int)


class Base:
    def __init__(self, d: int) -> None:
        self.d = d
        self.inp = Dense(d, d, relu)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.inp(x)


class Wider(Base):
    def __init__(self, d: int, out: int) -> None:
        super().__init__(d)
        self.out = Dense(d, out)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.out(super().__call__(x))

    @property
    def width(self) -> int:
        return self.d


w = Wider(6, 9)
print(w(tf.randn(2, 6)).shape, w.width)

dense_gelu = functools.partial(Dense, activation=gelu)
mlp = Chain(dense_gelu(10, 20), dense_gelu(20, 5))
print(mlp(tf.randn(3, 10)).shape)


def logged(f: Callable[..., tf.Tensor]) -> Callable[..., tf.Tensor]:
    @functools.wraps(f)
    def inner(*a: object, **k: object) -> tf.Tensor:
        return f(*a, **k)
    return inner


@logged
def forward(x: Tensor[B, 10]) -> Tensor[B, 5]:
    return mlp(x)


print(forward(tf.randn(4, 10)).shape)


class Cached:
    def __init__(self) -> None:
        self.fc = Dense(4, 4)

    @functools.lru_cache(maxsize=None)
    def table(self, n: int) -> tf.Tensor:
        return tf.randn(n, 4)

    def __call__(self, n: int) -> tf.Tensor:
        return self.fc(self.table(n))


print(Cached()(3).shape)
