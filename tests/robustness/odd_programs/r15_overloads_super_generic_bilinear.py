"""Overloads, super() in generic subclasses, replace() with generic fields, Bilinear connections."""
import dataclasses
from dataclasses import dataclass
from typing import Generic, Optional, Tuple, TypeVar, overload, Union

import typedflux as tf
from typedflux import Bilinear, Chain, Dense, Parallel, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
D = TypeVar("D", bound=int)


@overload
def proj(x: Tensor[B, 8]) -> Tensor[B, 16]: ...
@overload
def proj(x: Tensor[B, N, 8]) -> Tensor[B, N, 16]: ...
def proj(x: tf.Tensor) -> tf.Tensor:
    return Dense(8, 16)(x)


def use2(x: Tensor[B, 8]) -> Tensor[B, 16]:
    return proj(x)


def use3(x: Tensor[B, N, 8]) -> Tensor[B, N, 16]:
    return proj(x)


def use_list(x: Tensor[B, 8]) -> Tuple[Tensor[B, 16], Tensor[B, 16]]:
    return proj(x), proj(x * 2)


class Base(Generic[D]):
    def __init__(self, w: Tensor[D, D]) -> None:
        self.w = w

    def apply(self, x: Tensor[B, D]) -> Tensor[B, D]:
        return x @ self.w


class Scaled(Base[D]):
    def __init__(self, w: Tensor[D, D], s: float) -> None:
        super().__init__(w * s)

    def apply(self, x: Tensor[B, D]) -> Tensor[B, D]:
        return super().apply(x) * 2


@dataclass
class Holder(Generic[B]):
    x: Tensor[B, 4]
    note: str = ""


@dataclass
class Plain:
    x: Tensor[2, 4]
    y: Optional[Tensor[2, 4]] = None


h = Holder(tf.zeros(3, 4))
h2 = dataclasses.replace(h, note="b")
p = Plain(tf.zeros(2, 4))
p2 = dataclasses.replace(p, y=tf.ones(2, 4))
p3 = dataclasses.replace(p, y=None)
print(use2(tf.ones(5, 8)).shape, use3(tf.ones(2, 3, 8)).shape, len(use_list(tf.ones(2, 8))))
print(Scaled(tf.ones(4, 4), 0.5).apply(tf.ones(3, 4)).shape)
print(h2.x.shape, p2.y is not None, p3.y)
bil = Bilinear(8, 8, 4)
par = Parallel(bil, Dense(6, 8), Dense(6, 8))
print(par(tf.ones(2, 6)).shape)
skip = SkipConnection(Dense(8, 8, relu), Bilinear(8, 8, 8))
print(skip(tf.ones(2, 8)).shape, Chain(Dense(6, 8), skip, Dense(8, 3))(tf.ones(2, 6)).shape)
print(bil(tf.ones(2, 8)).shape, bil(tf.ones(2, 8), tf.ones(2, 8)).shape)
