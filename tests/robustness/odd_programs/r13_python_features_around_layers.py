"""Python features around layers: @property layers, __getattr__ delegation, a Protocol of
layers, functools.cached_property, @dataclass modules, an abc.ABC base with an abstract
forward, super().__call__, mixins, match on configs, walrus, typing.Self, TypeAlias,
Annotated shapes, Optional narrowed by `is None`."""
from __future__ import annotations

import abc
import functools
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, Optional, Protocol, TypeAlias, TypeVar, Union

from typing_extensions import Self

import typedflux as tf
from typedflux import Chain, Conv, Dense, Dropout, LayerNorm, Tensor, relu

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)

Feats: TypeAlias = Tensor[B, 16]
Logits: TypeAlias = "Tensor[B, 4]"


class Layer(Protocol):
    def __call__(self, x: tf.Tensor) -> tf.Tensor: ...


class WithProperty:
    def __init__(self) -> None:
        self._dense = Dense(16, 8)

    @property
    def dense(self) -> Dense:
        return self._dense

    @functools.cached_property
    def head(self) -> Dense:
        return Dense(8, 4)

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 4]:
        return self.head(self.dense(x))


class Delegating:
    def __init__(self) -> None:
        self.inner = Chain(Dense(16, 8, relu), Dense(8, 4))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.inner(x)


@dataclass
class DataclassModule:
    d_in: int = 16
    d_out: int = 4
    proj: Dense = field(init=False)
    norm: LayerNorm = field(init=False)

    def __post_init__(self) -> None:
        self.proj = Dense(self.d_in, self.d_out)
        self.norm = LayerNorm(self.d_out)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.norm(self.proj(x))


class Base(abc.ABC):
    def __init__(self, d: int) -> None:
        self.d = d

    @abc.abstractmethod
    def forward(self, x: tf.Tensor) -> tf.Tensor: ...

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.forward(x)


class Impl(Base):
    def __init__(self, d: int) -> None:
        super().__init__(d)
        self.fc = Dense(d, 4)

    def forward(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class LoggingMixin:
    calls = 0

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        type(self).calls += 1
        return super().__call__(x)  # type: ignore[misc]


class LoggedImpl(LoggingMixin, Impl):
    pass


class Wrapped(Impl):
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        y = super().__call__(x)
        return y * 2


class Builder:
    def __init__(self) -> None:
        self.layers: list[Layer] = []

    def add(self, layer: Layer) -> Self:
        self.layers.append(layer)
        return self

    def build(self) -> Chain:
        return Chain(*self.layers)


def make(kind: str, d: int) -> Layer:
    match kind:
        case "mlp":
            return Chain(Dense(d, 2 * d, relu), Dense(2 * d, 4))
        case "linear" | "lin":
            return Dense(d, 4)
        case _:
            return Impl(d)


@dataclass
class Cfg:
    kind: Literal["a", "b"]
    width: int


def from_cfg(cfg: Cfg) -> Dense:
    match cfg:
        case Cfg(kind="a", width=w):
            return Dense(16, w)
        case Cfg(width=w):
            return Dense(16, 2 * w)
    raise AssertionError


def annotated(x: Annotated[Tensor[B, 16], "features"]) -> Annotated[Tensor[B, 4], "logits"]:
    return Dense(16, 4)(x)


def alias_fn(x: Feats[B]) -> Tensor[B, 4]:
    return Dense(16, 4)(x)


def maybe(x: Tensor[B, 16], mask: Optional[Tensor[B, 16]] = None) -> Tensor[B, 16]:
    if mask is None:
        return x
    return x * mask


def maybe2(x: Tensor[B, 16], bias: Optional[Tensor[16]]) -> Tensor[B, 16]:
    if bias is not None:
        x = x + bias
    return x


def union_in(x: Union[Tensor[B, 16], Tensor[B, 1, 16]]) -> tf.Tensor:
    return x.reshape(x.shape[0], 16)


x = tf.randn(3, 16)
print(WithProperty()(x).shape, Delegating()(x).shape, Delegating().layers)
print(DataclassModule()(x).shape, Impl(16)(x).shape, LoggedImpl(16)(x).shape, Wrapped(16)(x).shape)
print(Builder().add(Dense(16, 8)).add(relu).add(Dense(8, 4)).build()(x).shape)
for kind in ("mlp", "lin", "other"):
    print(make(kind, 16)(x).shape)
print(from_cfg(Cfg("a", 3))(x).shape, from_cfg(Cfg("b", 3))(x).shape)
print(annotated(x).shape, alias_fn(x).shape, maybe(x).shape, maybe(x, tf.ones(3, 16)).shape)
print(maybe2(x, None).shape, maybe2(x, tf.ones(16)).shape, union_in(x).shape)
if (n := x.shape[0]) > 2:
    print(Dense(16, n)(x).shape)
while (k := len(Builder().layers)) < 1:
    break
logits: Logits = Dense(16, 4)(x)
f: Feats = x
print(logits.shape, f.shape, k)
