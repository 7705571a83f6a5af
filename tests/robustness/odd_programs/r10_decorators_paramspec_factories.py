"""Signature-preserving decorators (ParamSpec, TypeVar callables), Type[...] factories, layer TypeVars."""
import functools
import time
from typing import Callable, Literal, Tuple, Type, TypeVar

from typing_extensions import ParamSpec

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor
from typedflux.layers.core import Module

P = ParamSpec("P")
R = TypeVar("R")
F = TypeVar("F", bound=Callable[..., object])
B = TypeVar("B", bound=int)
L = TypeVar("L", bound=Module)


def timed(f: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(f)
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        t = time.perf_counter()
        out = f(*args, **kwargs)
        _ = time.perf_counter() - t
        return out
    return inner


def tagged(f: F) -> F:
    setattr(f, "tag", "model")
    return f


head = Dense(10, 5)


@timed
def forward(x: Tensor[B, Literal[10]]) -> Tensor[B, Literal[5]]:
    return head(x)


@tagged
def forward2(x: Tensor[B, Literal[10]]) -> Tensor[B, Literal[5]]:
    return head(x)


def build(cls: Type[Dense], a: int, b: int) -> Dense:
    return cls(a, b)


def pair(layer: L) -> Tuple[L, L]:
    return layer, layer


y = forward(tf.randn(4, 10))
z = forward2(tf.randn(4, 10))
print(Dense(5, 1)(y).shape, Dense(5, 1)(z).shape, build(Dense, 3, 2)(tf.randn(1, 3)).shape)
a, b = pair(LayerNorm(5))
print(a(y).shape, pair(Dense(5, 2))[1](y).shape)
