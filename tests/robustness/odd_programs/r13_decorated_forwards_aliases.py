"""Decorated forwards: a ParamSpec-typed timing decorator, functools.wraps, __call__ = forward
aliases in the class body, a staticmethod block, lambdas held as layers, a no-grad context."""
from __future__ import annotations

import contextlib
import functools
import time
from typing import Callable, Iterator, ParamSpec, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, relu

P = ParamSpec("P")
R = TypeVar("R")
B = TypeVar("B", bound=int)


def timed(fn: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        t0 = time.perf_counter()
        out = fn(*args, **kwargs)
        wrapper.elapsed = time.perf_counter() - t0  # type: ignore[attr-defined]
        return out
    return wrapper


def untyped(fn):  # type: ignore[no-untyped-def]
    def inner(*a, **k):  # type: ignore[no-untyped-def]
        return fn(*a, **k)
    return inner


@contextlib.contextmanager
def inference(model: object) -> Iterator[None]:
    tf.testmode(model)
    try:
        yield
    finally:
        tf.trainmode(model)


class Net:
    def __init__(self) -> None:
        self.fc1 = Dense(8, 16, relu)
        self.fc2 = Dense(16, 4)
        self.act = lambda t: relu(t)
        self.norm: Callable[[tf.Tensor], tf.Tensor] = LayerNorm(16)

    @timed
    def forward(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc2(self.norm(self.act(self.fc1(x))))

    __call__ = forward


class Typed:
    def __init__(self) -> None:
        self.fc = Dense(8, 4)

    def forward(self, x: Tensor[B, 8]) -> Tensor[B, 4]:
        return self.fc(x)

    __call__ = forward

    @staticmethod
    def block(d: int) -> Chain:
        return Chain(Dense(d, d, relu), LayerNorm(d))

    @untyped
    def loose(self, x):  # type: ignore[no-untyped-def]
        return self.fc(x)


net = Net()
x = tf.randn(3, 8)
with inference(net):
    print(net(x).shape, net.forward(x).shape)
t = Typed()
y: Tensor[3, 4] = t(x)
print(y.shape, Typed.block(8)(x).shape, t.loose(x).shape)
print(Chain(t, Dense(4, 2))(x).shape)
