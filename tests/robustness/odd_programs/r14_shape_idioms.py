"""x.shape idioms: math.prod / np.prod of a slice, star-unpacked sizes, shape tuples added,
len(x), axis tuples from range, generic reshapes by x.shape[:-1]."""
import math
from typing import Tuple, TypeVar

import numpy as np

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

x = tf.zeros(2, 3, 8)
a = x.reshape(-1, math.prod(x.shape[1:]))
b = x.reshape(-1, int(np.prod(x.shape[1:])))
c = x.reshape(*x.shape[:-1], 2, 4)
d = tf.zeros(*x.shape[:2], 5)
e = tf.zeros(x.shape[:-1] + (5,))
f = x.reshape(x.shape[0], *x.shape[1:])
g = tf.ones(x.shape)
sz: Tuple[int, ...] = x.shape
h = x.reshape(sz)
n = x.shape[-1] // 2
i = x[..., :n] + x[..., n:]
j = x.reshape(x.shape[0] * x.shape[1], x.shape[2])
k = Dense(x.shape[-1], 4)(x)
l = tf.zeros(len(x), 1)
m = x.reshape(len(x), -1)
o = x.sum(axis=tuple(range(1, x.ndim)))


def sym(x: Tensor[B, T, 8]) -> Tensor[B, T, 2, 4]:
    return x.reshape(*x.shape[:-1], 2, 4)


def sym2(x: Tensor[B, T, 8]) -> Tensor[B, 24]:
    return x.reshape(x.shape[0], -1)[:, :24] if x.shape[1] * 8 >= 24 else tf.zeros(x.shape[0], 24)


print(a.shape, b.shape, c.shape, d.shape, e.shape, f.shape, g.shape, h.shape, i.shape, j.shape, k.shape, l.shape, m.shape, o.shape, sym(x).shape, sym2(x).shape)
