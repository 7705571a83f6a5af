"""Closures over layers: a factory returning a lambda, a nested def closing over a helper's
layer, functools.reduce over a list of layers, map() of a layer, and a closure rebinding a
nonlocal tensor."""
import functools
from typing import Callable, List

import typedflux as tf
from typedflux import Dense, Tensor, relu


def make_block(width: int) -> Callable[[Tensor], Tensor]:
    layer = Dense(width, width, relu)
    return lambda x: x + layer(x)


def make_scaled(width: int, scale: float) -> Callable[[Tensor], Tensor]:
    layer = Dense(width, width)

    def run(x: Tensor) -> Tensor:
        return layer(x) * scale

    return run


def counter() -> Callable[[Tensor], Tensor]:
    total = tf.zeros(4)

    def add(x: Tensor) -> Tensor:
        nonlocal total
        total = total + x.sum(axis=0)
        return total

    return add


blocks: List[Callable[[Tensor], Tensor]] = [make_block(4), make_scaled(4, 0.5), make_block(4)]
x = tf.randn(3, 4)
y = functools.reduce(lambda h, f: f(h), blocks, x)
outs = list(map(Dense(4, 2), [x, x * 2]))
count = counter()
count(x)
print(y.shape, [o.shape for o in outs], count(x).shape)
