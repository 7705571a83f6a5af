"""Classes whose __init__ builds instances of each other and of themselves (to a depth),
an instance holding itself, and recursive helpers."""
from __future__ import annotations

from typing import Optional

import typedflux as tf
from typedflux import Dense


class A:
    def __init__(self, depth: int) -> None:
        self.proj = Dense(4, 4)
        self.b: Optional[B] = B(depth - 1) if depth > 0 else None

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.proj(x)
        return self.b(h) if self.b is not None else h


class B:
    def __init__(self, depth: int) -> None:
        self.proj = Dense(4, 4)
        self.a = A(depth - 1)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.a(self.proj(x))


class Selfish:
    def __init__(self) -> None:
        self.proj = Dense(4, 4)
        self.me = self

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.proj(x)


def loop(n: int) -> int:
    return loop(n - 1) if n > 0 else 0


def build(n: int) -> Dense:
    return build(n - 1) if n > 0 else Dense(4, 4)


a = A(3)
s = Selfish()
print(a(tf.randn(2, 4)).shape, s.me.me.me(tf.randn(2, 4)).shape, build(3)(tf.randn(1, 4)).shape)
