"""Layers behind properties, __slots__, and __getattr__ delegation."""
from typing import Any

import typedflux as tf
from typedflux import Dense


class Slotted:
    __slots__ = ("proj",)

    def __init__(self) -> None:
        self.proj = Dense(4, 3)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.proj(x)


class Wrapper:
    def __init__(self, inner: Slotted) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    @property
    def layer(self) -> Dense:
        return Dense(3, 3)


w = Wrapper(Slotted())
print(w.proj(tf.randn(2, 4)).shape, w.layer(tf.randn(2, 3)).shape)
