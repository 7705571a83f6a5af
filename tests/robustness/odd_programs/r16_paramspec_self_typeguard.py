"""ParamSpec decorators, Self, TypeGuard, Concatenate, functools.cache/lru_cache, singledispatch
around shaped functions and layers: all correct."""
import functools
from typing import Any, Callable, Concatenate, Generic, List, ParamSpec, TypeVar

from typing_extensions import Self, TypeGuard

import typedflux as tf
from typedflux import Chain, Dense, SkipConnection, Tensor, relu

P = ParamSpec("P")
R = TypeVar("R")
B = TypeVar("B", bound=int)


def traced(f: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(f)
    def inner(*a: P.args, **k: P.kwargs) -> R:
        return f(*a, **k)
    return inner


def with_scale(f: Callable[Concatenate[float, P], R]) -> Callable[P, R]:
    def inner(*a: P.args, **k: P.kwargs) -> R:
        return f(2.0, *a, **k)
    return inner


@traced
def head(x: Tensor[B, 8]) -> Tensor[B, 2]:
    return x[:, :2]


@with_scale
def scaled(s: float, x: Tensor[B, 8]) -> Tensor[B, 8]:
    return x * s


@traced
@tf.shapecheck
def checked(x: Tensor[B, 8]) -> Tensor[B, 8]:
    return relu(x)


def is_wide(x: Tensor) -> TypeGuard[Tensor[Any, 8]]:
    return x.shape[-1] == 8


class Builder:
    def __init__(self) -> None:
        self.layers: List[Any] = []

    def add(self, layer: Any) -> Self:
        self.layers.append(layer)
        return self

    def build(self) -> Chain:
        return Chain(*self.layers)


@functools.lru_cache(maxsize=None)
def table(n: int) -> Tensor:
    return tf.arange(n).reshape(1, n)


@functools.singledispatch
def describe(x: object) -> str:
    return "obj"


@describe.register
def _(x: Tensor) -> str:
    return str(x.shape)


x = tf.randn(3, 8)
net = Chain(Dense(4, 8), head)
net2 = Chain(Dense(4, 8), checked, SkipConnection(Dense(8, 8), tf.add), scaled)
print(head(x).shape, scaled(x).shape, checked(x).shape, net(tf.randn(2, 4)).shape, net2(tf.randn(2, 4)).shape)
y = tf.randn(3, 8)
if is_wide(y):
    print(head(y).shape)
m = Builder().add(Dense(8, 4)).add(relu).add(Dense(4, 1)).build()
print(m(x).shape, table(5).shape, table(5).shape, describe(x))
