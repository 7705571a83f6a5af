"""mypy's own tests (ParamSpec, Concatenate, overload, Self, TypeGuard, TypeIs, Protocol) on Tensor."""
import functools
from typing import (Any, Callable, Concatenate, Generic, Iterator, Literal, ParamSpec, Protocol, Self,
                    Sequence, TypeGuard, TypeVar, Union, overload)

from typing_extensions import TypeIs

import typedflux as tf
from typedflux import Dense, Tensor, relu

P = ParamSpec("P")
R = TypeVar("R")
B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


def logged(f: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(f)
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        return f(*args, **kwargs)
    return inner


def with_scale(f: Callable[Concatenate[float, P], R]) -> Callable[P, R]:
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        return f(2.0, *args, **kwargs)
    return inner


@logged
def head(x: Tensor[B, 8]) -> Tensor[B, 2]:
    return Dense(8, 2)(x)


@with_scale
def scaled(s: float, x: Tensor[B, 8]) -> Tensor[B, 8]:
    return x * s


@overload
def pick(x: Tensor[B, 8], which: Literal[0]) -> Tensor[B, 4]: ...
@overload
def pick(x: Tensor[B, 8], which: Literal[1]) -> Tensor[B, 4]: ...
def pick(x: Tensor[B, 8], which: int) -> Tensor[B, 4]:
    return x[:, :4] if which == 0 else x[:, 4:]


class Builder:
    def __init__(self) -> None:
        self.layers: list = []

    def add(self, d_in: int, d_out: int) -> Self:
        self.layers.append(Dense(d_in, d_out, relu))
        return self

    def build(self) -> tf.Chain:
        return tf.Chain(*self.layers)


def is_matrix(x: tf.Tensor) -> TypeGuard[Tensor[int, int]]:
    return x.ndim == 2


def is_vec(x: Union[Tensor[N], Tensor[N, N]]) -> TypeIs[Tensor[N]]:
    return x.ndim == 1


class Layer(Protocol):
    def __call__(self, x: Tensor[B, 8]) -> Tensor[B, 8]: ...


def apply_twice(f: Layer, x: Tensor[B, 8]) -> Tensor[B, 8]:
    return f(f(x))


class Seq(Sequence[Tensor[2, 3]]):
    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n

    @overload
    def __getitem__(self, i: int) -> Tensor[2, 3]: ...
    @overload
    def __getitem__(self, i: slice) -> "Seq": ...
    def __getitem__(self, i: Union[int, slice]) -> Union[Tensor[2, 3], "Seq"]:
        if isinstance(i, int):
            if i >= self.n:
                raise IndexError(i)
            return tf.zeros(2, 3)
        return Seq(self.n)


def gen(n: int) -> Iterator[Tensor[2, 3]]:
    for _ in range(n):
        yield tf.zeros(2, 3)


x = tf.randn(5, 8)
print(head(x).shape, scaled(x).shape, pick(x, 0).shape, pick(x, which=1).shape)
net = Builder().add(8, 16).add(16, 8).build()
print(net(x).shape)
y: tf.Tensor = tf.randn(3, 3)
if is_matrix(y):
    print(y.shape)
v: Union[Tensor[3], Tensor[3, 3]] = tf.randn(3)
if is_vec(v):
    print(Dense(3, 1)(v).shape)
else:
    print(v.shape)
print(apply_twice(Dense(8, 8), x).shape, apply_twice(lambda t: t * 2, x).shape)
s = Seq(3)
print(s[0].shape, len(s[0:2]), [t.shape for t in s][:1], [t.shape for t in gen(2)])
print(tf.stack(list(gen(4))).shape, sum(t.sum() for t in gen(2)))
