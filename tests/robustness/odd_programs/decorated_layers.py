"""Layers wrapped by decorators: functools.wraps, a caching decorator, staticmethod layers."""
import functools
from typing import Any, Callable, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor

F = TypeVar("F", bound=Callable[..., Any])


def logged(fn: F) -> F:
    @functools.wraps(fn)
    def inner(*a: Any, **k: Any) -> Any:
        return fn(*a, **k)

    return inner  # type: ignore[return-value]


@logged
def double(x: Tensor) -> Tensor:
    return x * 2


@functools.lru_cache(maxsize=None)
def width() -> int:
    return 8


class Ops:
    @staticmethod
    def halve(x: Tensor) -> Tensor:
        return x / 2


model = Chain(Dense(3, width()), double, Ops.halve, Dense(8, 2))
print(model(tf.randn(4, 3)).shape)
