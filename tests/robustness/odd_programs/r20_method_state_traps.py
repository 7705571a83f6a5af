"""methods __init__ calls whose result depends on state the run may not model: a layer cached on the instance by hasattr/getattr default, a
decorated method, a method assigned in the class body, a dataclass __post_init__, a class
attribute in_planes overridden by a subclass. All correct, all run."""
import functools
from dataclasses import dataclass
from typing import Any, Callable, List, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

F = TypeVar("F", bound=Callable[..., Any])


class Block:
    def __init__(self, cin: int, cout: int) -> None:
        self.fc = Dense(cin, cout)

    def __call__(self, x: Tensor) -> Tensor:
        return relu(self.fc(x))


class Cached:  # the projection is built once, with the first in_planes (8)
    def __init__(self) -> None:
        self.in_planes = 8
        self.p1 = self._proj()
        self.in_planes = 16
        self.p2 = self._proj()
        self.head = Dense(16, 2)

    def _proj(self) -> Dense:
        if not hasattr(self, "_cache"):
            self._cache = Dense(self.in_planes, 16)
        return self._cache

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.p2(x))


class CachedGetattr:
    def __init__(self) -> None:
        self.in_planes = 8
        self.p1 = self._proj()
        self.in_planes = 16
        self.p2 = self._proj()

    def _proj(self) -> Dense:
        c = getattr(self, "_c", None)
        if c is None:
            c = Dense(self.in_planes, 16)
            self._c = c
        return c

    def __call__(self, x: Tensor) -> Tensor:
        return self.p2(x)


def doubled(f: F) -> F:
    @functools.wraps(f)
    def wrapper(self: Any, planes: int) -> Any:
        return f(self, 2 * planes)

    return wrapper  # type: ignore[return-value]


class Decorated:
    def __init__(self) -> None:
        self.in_planes = 8
        self.layer1 = self._make(8)  # builds Block(8, 16)
        self.head = Dense(self.in_planes, 2)

    @doubled
    def _make(self, planes: int) -> Chain:
        b = Block(self.in_planes, planes)
        self.in_planes = planes
        return Chain(b)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layer1(x))


def _wide(self: "Assigned", planes: int) -> Chain:
    b = Block(self.in_planes, 2 * planes)
    self.in_planes = 2 * planes
    return Chain(b)


class Assigned:
    def __init__(self) -> None:
        self.in_planes = 8
        self.layer1 = self._make(8)
        self.head = Dense(self.in_planes, 2)

    def _make(self, planes: int) -> Chain:
        b = Block(self.in_planes, planes)
        self.in_planes = planes
        return Chain(b)

    _make = _wide  # type: ignore[assignment]

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layer1(x))


@dataclass
class Post:
    width: int = 8

    def __post_init__(self) -> None:
        self.in_planes = self.width
        self.layer1 = self._make(16)
        self.head = Dense(self.in_planes, 2)

    def _make(self, planes: int) -> Chain:
        b = Block(self.in_planes, planes)
        self.in_planes = planes
        return Chain(b)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layer1(x))


class Base:
    in_planes = 8

    def __init__(self) -> None:
        self.layer1 = self._make(16)
        self.head = Dense(16, 2)

    def _make(self, planes: int) -> Chain:
        b = Block(self.in_planes, planes)
        self.in_planes = planes
        return Chain(b)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layer1(x))


class Sub(Base):
    in_planes = 4


x = tf.randn(2, 8)
print(Cached()(x).shape, CachedGetattr()(x).shape)
print(Decorated()(x).shape, Assigned()(x).shape, Post()(x).shape)
print(Base()(x).shape, Sub()(tf.randn(2, 4)).shape)
