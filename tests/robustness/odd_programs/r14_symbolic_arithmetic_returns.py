"""Symbolic dim arithmetic at returns: N+N for a cat, M*N for a flatten, a pad then a slice,
N + 2 - 2, conv and strided conv sizes, pool then upsample of 2*H, halves N//2 and N - N//2,
M+N for a swapped cat, 4*N unflattened, N*1."""
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import Conv, Dense, MaxPool, Tensor, Upsample

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


def a(x: Tensor[B, N]) -> Tensor[B, "N+N"]:
    return tf.cat(x, x, axis=1)


def b(x: Tensor[B, N, M]) -> Tensor[B, "M*N"]:
    return x.reshape(x.shape[0], -1)


def c(x: Tensor[B, N]) -> Tensor[B, N]:
    y = tf.pad(x, ((0, 0), (1, 0)))
    return y[:, 1:]


def d(x: Tensor[B, N]) -> Tensor[B, "N + 2 - 2"]:
    return x


def e(x: Tensor[B, 3, H, W]) -> Tensor[B, 8, H, W]:
    return Conv((3, 3), 3, 8, pad=1)(x)


def f(x: Tensor[B, 3, H, W]) -> Tensor[B, 8, "(H - 3) // 2 + 1", "(W-3)//2+1"]:
    return Conv((3, 3), 3, 8, stride=2)(x)


def g(x: Tensor[B, 8, "2*H", "2*W"]) -> Tensor[B, 8, "2*H", "2*W"]:
    return Upsample(scale=2)(MaxPool((2, 2))(x))


def h(x: Tensor[B, N]) -> Tuple[Tensor[B, "N//2"], Tensor[B, "N - N//2"]]:
    k = x.shape[1] // 2
    return x[:, :k], x[:, k:]


def i(x: Tensor[B, N], y: Tensor[B, M]) -> Tensor[B, "M+N"]:
    return tf.cat(y, x, axis=1)


def j(x: Tensor[B, "4*N"]) -> Tensor[B, 4, N]:
    return x.reshape(x.shape[0], 4, -1)


def k(x: Tensor[B, N]) -> Tensor[B, "N*1"]:
    return x * 1


print(a(tf.zeros(2, 3)).shape, b(tf.zeros(2, 3, 4)).shape, f(tf.zeros(1, 3, 9, 11)).shape,
      g(tf.zeros(1, 8, 6, 4)).shape, h(tf.zeros(2, 5))[1].shape, j(tf.zeros(2, 8)).shape)
