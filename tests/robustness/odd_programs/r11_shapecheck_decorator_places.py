"""@tf.shapecheck in the places jaxtyping's and beartype's decorators go."""
import functools
from dataclasses import dataclass
from typing import Callable, Generic, Iterator, Optional, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
D = TypeVar("D", bound=int)


def timed(f: Callable[..., tf.Tensor]) -> Callable[..., tf.Tensor]:
    @functools.wraps(f)
    def inner(*a: object, **k: object) -> tf.Tensor:
        return f(*a, **k)
    return inner


@timed
@tf.shapecheck
def scale(x: Tensor[B, N], s: float = 2.0) -> Tensor[B, N]:
    return x * s


class Layer:
    def __init__(self) -> None:
        self.fc = Dense(8, 8)

    @property
    def width(self) -> int:
        return 8

    @tf.shapecheck
    def __call__(self, x: Tensor[B, 8], *, residual: bool = True) -> Tensor[B, 8]:
        return x + self.fc(x) if residual else self.fc(x)

    @tf.shapecheck
    def stream(self, x: Tensor[N, 8]) -> Iterator[Tensor[8]]:
        for row in x:
            yield self.fc(row)


def outer(n: int) -> Callable[[tf.Tensor], tf.Tensor]:
    @tf.shapecheck
    def inner(x: Tensor[B, D]) -> Tensor[B, D]:
        return x * n
    return inner


@tf.shapecheck
def with_default(x: Tensor[B, 4], bias: Optional[Tensor[4]] = None) -> Tensor[B, 4]:
    return x if bias is None else x + bias


@tf.shapecheck
def pair(x: Tensor[B, D]) -> Tuple[Tensor[B], Tensor[D]]:
    return x.sum(axis=1), x.sum(axis=0)


lay = Layer()
x8 = tf.randn(3, 8)
print(scale(x8).shape, lay(x8).shape, lay(x8, residual=False).shape, [r.shape for r in lay.stream(x8)][0])
print(outer(3)(x8).shape, with_default(tf.randn(2, 4)).shape, with_default(tf.randn(2, 4), tf.ones(4)).shape)
print(pair(x8)[0].shape, pair(x8)[1].shape, lay.width)
