"""Pyre's tensor-shape tests (Add, Multiply, Divide on dims; concat, flatten, unsqueeze generics),
passing cases in our string-dim spelling."""
from typing import Tuple, TypeVar, TypeVarTuple

import typedflux as tf
from typedflux import Dense, Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
P = TypeVar("P", bound=int)
Ts = TypeVarTuple("Ts")


@tf.shapecheck
def mm(x: Tensor[N, M], y: Tensor[M, P]) -> Tensor[N, P]:
    return x @ y


@tf.shapecheck
def cat_rows(x: Tensor[N, P], y: Tensor[M, P]) -> Tensor["N+M", P]:
    return tf.cat(x, y, axis=0)


@tf.shapecheck
def flat2(x: Tensor[N, M, P]) -> Tensor[N, "M*P"]:
    return x.reshape(x.shape[0], -1)


@tf.shapecheck
def halves(x: Tensor[N, "2*M"]) -> Tuple[Tensor[N, M], Tensor[N, M]]:
    a, b = tf.chunk(x, 2, axis=-1)
    return a, b


@tf.shapecheck
def pad1(x: Tensor[N, M]) -> Tensor[N, "M+2"]:
    return tf.pad(x, ((0, 0), (1, 1)))


@tf.shapecheck
def down(x: Tensor[N, "4*M"]) -> Tensor[N, M]:
    return x.reshape(x.shape[0], -1, 4).mean(axis=-1)


@tf.shapecheck
def lead1(x: Tensor[*Ts]) -> Tensor[1, *Ts]:
    return x.unsqueeze(0)


@tf.shapecheck
def swap_last(x: Tensor[*Ts, N, M]) -> Tensor[*Ts, M, N]:
    return x.swapaxes(-1, -2)


@tf.shapecheck
def outer(a: Tensor[N], b: Tensor[M]) -> Tensor[N, M]:
    return a.reshape(-1, 1) * b.reshape(1, -1)


@tf.shapecheck
def diff(x: Tensor[N, M]) -> Tensor[N, "M-1"]:
    return x[:, 1:] - x[:, :-1]


@tf.shapecheck
def every_other(x: Tensor["2*N", M]) -> Tensor[N, M]:
    return x[::2]


print(mm(tf.randn(2, 3), tf.randn(3, 4)).shape, cat_rows(tf.randn(2, 3), tf.randn(5, 3)).shape)
print(Dense(12, 1)(flat2(tf.randn(2, 3, 4))).shape, [t.shape for t in halves(tf.randn(2, 6))])
print(Dense(5, 1)(pad1(tf.randn(2, 3))).shape, Dense(2, 1)(down(tf.randn(3, 8))).shape)
print(lead1(tf.randn(2, 3)).shape, Dense(2, 1)(swap_last(tf.randn(5, 2, 3))).shape)
print(Dense(4, 1)(outer(tf.randn(3), tf.randn(4))).shape, Dense(3, 1)(diff(tf.randn(2, 4))).shape)
print(Dense(3, 1)(every_other(tf.randn(8, 3))).shape, (every_other(tf.randn(8, 3)) + tf.zeros(4, 3)).shape)
