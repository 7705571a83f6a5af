"""Decorators around layers: a functools.wraps decorator on __call__, a class decorator that
registers the class in a dict, a decorator that caches constructions by arguments, and a
layer wrapped by a higher-order function that logs shapes."""
import functools
from typing import Any, Callable, Dict, List, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

F = TypeVar("F", bound=Callable[..., Any])
C = TypeVar("C", bound=type)
REGISTRY: Dict[str, type] = {}
SHAPES: List[Any] = []


def logged(fn: F) -> F:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        out = fn(*args, **kwargs)
        SHAPES.append(out.shape)
        return out
    return wrapper  # type: ignore[return-value]


def register(cls: C) -> C:
    REGISTRY[cls.__name__] = cls
    return cls


@register
class Head:
    def __init__(self, d: int, k: int) -> None:
        self.fc = Dense(d, k)

    @logged
    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


_cache: Dict[Tuple[int, int], Head] = {}


def cached_head(d: int, k: int) -> Head:
    if (d, k) not in _cache:
        _cache[(d, k)] = Head(d, k)
    return _cache[(d, k)]


def traced(layer: Callable[[Tensor], Tensor]) -> Callable[[Tensor], Tensor]:
    def run(x: Tensor) -> Tensor:
        return layer(x)
    return run


print(Head(4, 2)(tf.randn(3, 4)).shape, cached_head(5, 3)(tf.randn(1, 5)).shape)
print(cached_head(5, 3) is cached_head(5, 3), traced(Dense(2, 6))(tf.randn(1, 2)).shape)
cls = REGISTRY["Head"]
print(cls(7, 1)(tf.randn(2, 7)).shape, SHAPES)
