"""Variadic annotations as translated tests write them."""
from typing import Any, Literal, Tuple, TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
C = TypeVar("C", bound=int)
Shape = TypeVarTuple("Shape")
Bs = TypeVarTuple("Bs")


@tf.shapecheck
def add_batch_axis(x: Tensor[Unpack[Shape]]) -> Tensor[Literal[1], Unpack[Shape]]:
    return x[None]


@tf.shapecheck
def del_batch_axis(x: Tensor[N, Unpack[Shape]]) -> Tensor[Unpack[Shape]]:
    return x[0]


@tf.shapecheck
def last_mean(x: Tensor[Unpack[Bs], C]) -> Tensor[Unpack[Bs]]:
    return x.mean(axis=-1)


@tf.shapecheck
def first_mean(x: Tensor[B, Unpack[Bs]]) -> Tensor[Unpack[Bs]]:
    return x.mean(axis=0)


@tf.shapecheck
def proj(x: Tensor[Unpack[Bs], Literal[8]]) -> Tensor[Unpack[Bs], Literal[4]]:
    return Dense(8, 4)(x)


@tf.shapecheck
def swap_last(x: Tensor[Unpack[Bs], N, C]) -> Tensor[Unpack[Bs], C, N]:
    return x.swapaxes(-1, -2)


@tf.shapecheck
def outer(x: Tensor[N], y: Tensor[C]) -> Tensor[N, C]:
    return x[:, None] * y[None, :]


@tf.shapecheck
def flat(x: Tensor[B, Unpack[Bs]]) -> Tensor[B, Any]:
    return x.reshape(x.shape[0], -1)


@tf.shapecheck
def keep(x: Tensor[Unpack[Bs]]) -> Tensor[Unpack[Bs]]:
    return x * 2.0 + 1.0


@tf.shapecheck
def split_last(x: Tensor[Unpack[Bs], "2*C"]) -> Tuple[Tensor[Unpack[Bs], C], Tensor[Unpack[Bs], C]]:
    a, b = tf.chunk(x, 2, axis=-1)
    return a, b


@tf.shapecheck
def sum_all_but_first(x: Tensor[B, Unpack[Bs]]) -> Tensor[B]:
    return x.reshape(x.shape[0], -1).sum(axis=1)


x = tf.randn(2, 3, 8)
print(add_batch_axis(x).shape, del_batch_axis(x).shape, last_mean(x).shape, first_mean(x).shape)
print(proj(x).shape, swap_last(x).shape, outer(tf.randn(3), tf.randn(4)).shape, flat(x).shape)
print(keep(x).shape, split_last(x)[0].shape, sum_all_but_first(x).shape)
y: Tensor[Literal[1], Literal[2], Literal[3], Literal[8]] = add_batch_axis(x)
z: Tensor[Literal[3], Literal[8]] = del_batch_axis(x)
w = Dense(8, 2)(del_batch_axis(x))
v = Dense(3, 2)(last_mean(x))
print(y.shape, z.shape, w.shape, v.shape)
