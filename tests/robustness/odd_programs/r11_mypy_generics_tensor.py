"""mypy's generic-class / generic-function tests (check-generics.test style) applied to Tensor."""
import functools
from typing import (Any, Callable, Dict, Generic, Iterable, List, Mapping, Optional, Protocol,
                    Sequence, Tuple, TypeVar, overload)

from typing_extensions import Self

import typedflux as tf
from typedflux import Dense, Tensor

T = TypeVar("T")
S = TypeVar("S")
B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
TT = TypeVar("TT", bound=tf.Tensor)


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item

    def map(self, f: Callable[[T], S]) -> "Box[S]":
        return Box(f(self.item))


def first(xs: Sequence[T]) -> T:
    return xs[0]


def pair(a: T, b: T) -> Tuple[T, T]:
    return a, b


def keep(x: TT) -> TT:
    return x


class HasShape(Protocol):
    @property
    def shape(self) -> Tuple[int, ...]: ...


def ndim(x: HasShape) -> int:
    return len(x.shape)


class Builder:
    def __init__(self) -> None:
        self.layers: List[Dense] = []

    def add(self, d: Dense) -> Self:
        self.layers.append(d)
        return self


@overload
def head(x: Tensor[B, 4]) -> Tensor[B, 2]: ...
@overload
def head(x: Tensor[B, 8]) -> Tensor[B, 3]: ...
def head(x: Any) -> Any:
    return Dense(4, 2)(x) if x.shape[-1] == 4 else Dense(8, 3)(x)


def total(xs: Iterable[Tensor[B, 4]]) -> Tensor[B, 4]:
    return functools.reduce(lambda a, b: a + b, xs)


def lookup(m: Mapping[str, Tensor[N]], k: str) -> Optional[Tensor[N]]:
    return m.get(k)


x = tf.randn(2, 4)
bx = Box(x)
y = bx.get()
z = bx.map(lambda t: t.sum(axis=1)).get()
w = first([x, x * 2])
p, q = pair(x, tf.ones(2, 4))
k = keep(x)
nd = ndim(x)
bld = Builder().add(Dense(4, 4)).add(Dense(4, 2))
h1 = head(x)
h2 = head(tf.randn(2, 8))
tt = total([x, x, x])
lk = lookup({"a": tf.ones(3)}, "a")
mx = max([x, x + 1], key=lambda t: t.sum().item())
srt = sorted([tf.ones(3), tf.zeros(3)], key=lambda t: t.sum().item())
d: Dict[str, Tensor[int, 4]] = {"a": x, "b": tf.ones(5, 4)}
print(y.shape, z.shape, w.shape, p.shape, k.shape, nd, len(bld.layers), h1.shape, h2.shape, tt.shape,
      lk.shape if lk is not None else None, mx.shape, srt[0].shape, d["b"].shape)
