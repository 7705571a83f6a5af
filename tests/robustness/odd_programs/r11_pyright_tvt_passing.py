"""Passing cases of pyright's TypeVarTuple samples (typeVarTuple*.py), translated to Tensor."""
from typing import Any, Callable, Generic, Literal, NewType, Tuple, TypeVar, TypeVarTuple, Union, Unpack

import typedflux as tf
from typedflux import Tensor

Shape = TypeVarTuple("Shape")
Ts = TypeVarTuple("Ts")
B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
T = TypeVar("T")


def identity(x: Tensor[*Shape]) -> Tensor[*Shape]:
    return x


def add_batch(x: Tensor[*Shape]) -> Tensor[Literal[1], *Shape]:
    return x.reshape(1, *x.shape)


def drop_first(x: Tensor[B, *Shape]) -> Tensor[*Shape]:
    return x[0]


def last_two(x: Tensor[*Shape, N, M]) -> Tensor[*Shape, M, N]:
    return x.swapaxes(-1, -2)


def prefix_and_suffix(x: Tensor[B, *Shape, N]) -> Tuple[Tensor[B, *Shape, N], int]:
    return x, x.shape[-1]


def multiply(a: Tensor[*Shape], b: Tensor[*Shape]) -> Tensor[*Shape]:
    return a * b


def apply_unary(f: Callable[[Tensor[*Shape]], Tensor[*Shape]], x: Tensor[*Shape]) -> Tensor[*Shape]:
    return f(x)


def unpack_tuple(*args: Unpack[Ts]) -> Tuple[Unpack[Ts]]:
    return args


class Array(Generic[Unpack[Shape]]):
    def __init__(self, t: Tensor[*Shape]) -> None:
        self.t = t

    def get(self) -> Tensor[*Shape]:
        return self.t


def sum_last(x: Tensor[*Shape, N]) -> Tensor[*Shape]:
    return x.sum(axis=-1)


def mean_keep(x: Tensor[*Shape, N]) -> Tensor[*Shape, Literal[1]]:
    return x.mean(axis=-1, keepdims=True)


x = tf.randn(2, 3, 4)
a = identity(x)
b = add_batch(x)
c = drop_first(x)
d = last_two(x)
e, n = prefix_and_suffix(x)
f = multiply(x, x)
g = apply_unary(tf.relu, x)
h = unpack_tuple(1, "a", 2.0)
arr = Array(x)
i = arr.get()
j = sum_last(x)
k = mean_keep(x)
s = tf.randn(5)
print(a.shape, b.shape, c.shape, d.shape, e.shape, n, f.shape, g.shape, h, i.shape, j.shape, k.shape)
print(identity(s).shape, add_batch(s).shape, sum_last(s).shape, last_two(tf.randn(3, 4)).shape)
