"""Symbolic arithmetic composed inside generic functions: normal forms must agree."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
K = TypeVar("K", bound=int)


def concat(x: Tensor[N, M], y: Tensor[N, K]) -> Tensor[N, "M+K"]:
    return tf.cat(x, y, axis=1)


def pad1(x: Tensor[N, M]) -> Tensor[N, "M+2"]:
    return tf.pad(x, ((0, 0), (1, 1)))


def shift(x: Tensor[N, M]) -> Tensor[N, "M-1"]:
    return x[:, 1:] - x[:, :-1]


def o1(x: Tensor[N, M]) -> Tensor[N, "2*M+2"]:
    return pad1(concat(x, x))


def o2(x: Tensor[N, M]) -> Tensor[N, "2*(M+1)"]:
    return concat(pad1(x)[:, 1:], pad1(x)[:, :-1])


def o3(x: Tensor[N, M]) -> Tensor[N, M]:
    return shift(tf.pad(x, ((0, 0), (1, 0))))


def o4(x: Tensor[N, M]) -> Tensor[N, "M+M"]:
    return concat(x, x)


def o5(x: Tensor[N, "2*M"]) -> Tensor[N, "M+M"]:
    return x


def o6(x: Tensor[N, M]) -> Tensor[N, "(2*M)//2"]:
    return x


def o7(x: Tensor[N, M], y: Tensor[N, "M+1"]) -> Tensor[N, "2*M+1"]:
    return concat(x, y)


def o8(x: Tensor[N, M]) -> Tensor["N*M"]:
    return x.reshape(-1)


def o9(x: Tensor[N, M]) -> Tensor["M*N"]:
    return x.T.reshape(-1)


def o10(x: Tensor[N, M]) -> Tensor[N, "M+3-3"]:
    return x


print(o1(tf.zeros(2, 3)).shape, o2(tf.zeros(2, 3)).shape, o3(tf.zeros(2, 3)).shape,
      o4(tf.zeros(2, 3)).shape, o5(tf.zeros(2, 6)).shape, o6(tf.zeros(2, 3)).shape,
      o7(tf.zeros(2, 3), tf.zeros(2, 4)).shape, o8(tf.zeros(2, 3)).shape, o9(tf.zeros(2, 3)).shape,
      o10(tf.zeros(2, 3)).shape)
