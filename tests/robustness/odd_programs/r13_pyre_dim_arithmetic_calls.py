"""Dim arithmetic through calls (Pyre's Add/Multiply/Divide tests, written as strings)."""
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
K = TypeVar("K", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


def concat(x: Tensor[N, M], y: Tensor[N, K]) -> Tensor[N, "M+K"]:
    return tf.cat(x, y, axis=1)


def pad1(x: Tensor[N, M]) -> Tensor[N, "M+2"]:
    return tf.pad(x, ((0, 0), (1, 1)))


def flat(x: Tensor[N, H, W]) -> Tensor[N, "H*W"]:
    return x.reshape(x.shape[0], -1)


def unflat(x: Tensor[N, "H*W"], h: H, w: W) -> Tensor[N, H, W]:
    return x.reshape(x.shape[0], h, w)


def halves(x: Tensor[N, "2*M"]) -> Tuple[Tensor[N, M], Tensor[N, M]]:
    a, b = tf.chunk(x, 2, axis=1)
    return a, b


def shift(x: Tensor[N, M]) -> Tensor[N, "M-1"]:
    return x[:, 1:] - x[:, :-1]


def pool2(x: Tensor[N, M]) -> Tensor[N, "M//2"]:
    return x[:, : (x.shape[1] // 2) * 2].reshape(x.shape[0], -1, 2).mean(axis=2)


def twice(x: Tensor[N, M]) -> Tensor[N, "2*M"]:
    return concat(x, x)


def pad_then_shift(x: Tensor[N, M]) -> Tensor[N, "M+1"]:
    return shift(pad1(x))


def both(x: Tensor[N, H, W]) -> Tensor[N, "H*W+1"]:
    return pad_then_shift(flat(x))


a: Tensor[2, 7] = concat(tf.zeros(2, 3), tf.zeros(2, 4))
b: Tensor[2, 5] = pad1(tf.zeros(2, 3))
c: Tensor[2, 12] = flat(tf.zeros(2, 3, 4))
d: Tensor[2, 3, 4] = unflat(c, 3, 4)
e, f = halves(tf.zeros(2, 8))
e2: Tensor[2, 4] = e
g: Tensor[2, 6] = shift(tf.zeros(2, 7))
h: Tensor[2, 3] = pool2(tf.zeros(2, 7))
i: Tensor[2, 14] = twice(tf.zeros(2, 7))
j: Tensor[2, 8] = pad_then_shift(tf.zeros(2, 7))
k: Tensor[2, 13] = both(tf.zeros(2, 3, 4))
l = Dense(13, 2)(both(tf.zeros(2, 3, 4)))
print(a.shape, b.shape, c.shape, d.shape, e2.shape, f.shape, g.shape, h.shape, i.shape, j.shape, k.shape, l.shape)
