"""Shaped functions through ParamSpec decorators, Concatenate, functools.partial and
functools.lru_cache; generic callbacks; a Protocol with a shaped __call__."""
import functools
import time
from typing import Callable, Protocol, TypeVar

from typing_extensions import Concatenate, ParamSpec

import typedflux as tf
from typedflux import Dense, Tensor

P = ParamSpec("P")
R = TypeVar("R")
B = TypeVar("B", bound=int)


def timed(f: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(f)
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        t = time.perf_counter()
        r = f(*args, **kwargs)
        _ = time.perf_counter() - t
        return r
    return inner


def with_scale(f: Callable[Concatenate[float, P], R]) -> Callable[P, R]:
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        return f(2.0, *args, **kwargs)
    return inner


@timed
def head(x: Tensor[B, 8]) -> Tensor[B, 2]:
    return Dense(8, 2)(x)


@with_scale
def scaled(s: float, x: Tensor[B, 8]) -> Tensor[B, 8]:
    return x * s


def mix(a: Tensor[B, 8], b: Tensor[B, 8], w: float) -> Tensor[B, 8]:
    return a * w + b * (1 - w)


class ShapedFn(Protocol):
    def __call__(self, x: Tensor[B, 8]) -> Tensor[B, 8]: ...


def apply_twice(f: ShapedFn, x: Tensor[B, 8]) -> Tensor[B, 8]:
    return f(f(x))


@functools.lru_cache(maxsize=4)
def table(n: int) -> tf.Tensor:
    return tf.arange(n)


half = functools.partial(mix, w=0.5)
x = tf.randn(3, 8)
print(head(x).shape, scaled(x).shape, half(x, x).shape, apply_twice(tf.relu, x).shape, table(5).shape)
