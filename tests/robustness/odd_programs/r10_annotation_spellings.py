"""Annotation spellings translated tests use: Any, int, ellipsis, unbounded tuples."""
from typing import Any, Literal, Tuple, TypeVar

from typing_extensions import Unpack

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


def a(x: Tensor[Any, 3]) -> Tensor[Any, 3]:
    return x


def b(x: Tensor[int, int]) -> Tensor[int, int]:
    return x * 2


def c(x: Tensor[Unpack[Tuple[Any, ...]]]) -> Tensor[Unpack[Tuple[Any, ...]]]:
    return x


def d(x: Tensor[B, Unpack[Tuple[Any, ...]]]) -> Tensor[B]:
    return x.reshape(x.shape[0], -1).sum(axis=1)


def f(x: Tensor[()]) -> float:
    return float(x.item())


def g(x: Tensor[int, Literal[3]]) -> Tensor[int]:
    return x.sum(axis=1)


def h(x: "Tensor[B, 3]") -> "Tensor[B, 3]":
    return x


print(a(tf.randn(2, 3)).shape, b(tf.randn(2, 3)).shape, c(tf.randn(2)).shape, d(tf.randn(2, 3, 4)).shape)
print(f(tf.randn(3).sum()), g(tf.randn(2, 3)).shape, h(tf.randn(4, 3)).shape)
y: Tensor[int, int] = tf.randn(2, 3)
z: Tensor[Any, Any] = Dense(3, 2)(y)
w = Dense(2, 1)(z)
print(w.shape)
