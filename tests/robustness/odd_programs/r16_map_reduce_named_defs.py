"""Named defs given to map / functools.reduce (boundaries' new check): correct programs."""
import functools
import itertools
from typing import Any, List, Optional, Tuple, TypeVar, Union

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


def double(x: Tensor[B, 4]) -> Tensor[B, 4]:
    return x * 2


def widen(x: Tensor[B, N]) -> Tensor[B, "2*N"]:
    return tf.cat(x, x, axis=1)


def add(a: Tensor[B, 4], b: Tensor[B, 4]) -> Tensor[B, 4]:
    return a + b


def add_any(a: Tensor, b: Tensor) -> Tensor:
    return a + b


def scale(x: Tensor[B, 4], k: float = 2.0) -> Tensor[B, 4]:
    return x * k


def pair(x: Tensor[B, 4], y: Tensor[B, 1]) -> Tensor[B, 4]:
    return x * y


def anyrows(x: Tensor[int, 4]) -> Tensor[int, 4]:
    return x


def opt(x: Optional[Tensor[B, 4]]) -> Tensor[2, 4]:
    return tf.zeros(2, 4) if x is None else tf.zeros(2, 4)


def uni(x: Union[Tensor[B, 4], Tensor[B, 8]]) -> Tensor[B, 1]:
    return x.sum(axis=-1, keepdims=True)


xs = [tf.zeros(2, 4), tf.ones(2, 4)]
mixed_rows = [tf.zeros(2, 4), tf.zeros(5, 4)]
sizes = [tf.zeros(3, 4), tf.zeros(3, 8)]
print(len(list(map(double, xs))), len(list(map(widen, sizes))), functools.reduce(add, xs).shape)
print(functools.reduce(add, xs, tf.zeros(2, 4)).shape, functools.reduce(add_any, sizes[:1]).shape)
print(len(list(map(scale, xs))), len(list(map(pair, xs, [tf.ones(2, 1)] * 2))), len(list(map(anyrows, mixed_rows))))
print(len(list(itertools.starmap(pair, zip(xs, [tf.ones(2, 1)] * 2)))))
print(functools.reduce(lambda a, b: tf.cat(a, b, axis=0), mixed_rows).shape)
print(len(list(map(Dense(4, 3), xs))), len(list(map(tf.relu, sizes))))
