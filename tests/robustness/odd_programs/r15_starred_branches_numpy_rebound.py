"""Starred comprehensions of branches of DIFFERENT widths, numpy arrays rebound before tf.tensor,
loop-grown names restored, *tuple into defaults."""
from typing import Tuple, TypeVar

import numpy as np
import typedflux as tf
from typedflux import Conv, Dense, Tensor, relu, Chain

B = TypeVar("B", bound=int)

x = tf.randn(2, 16, 8, 8)
branches = [Conv((1, 1), 16, 8), Conv((1, 1), 16, 4), Conv((3, 3), 16, 2, pad=1)]
y = tf.cat(*[b(x) for b in branches], x, axis=1)
print(Conv((1, 1), 30, 8)(y).shape)
y2 = tf.cat(x, *[b(x) for b in branches[:2]], axis=1)
print(Conv((1, 1), 28, 8)(y2).shape)
widths = [4, 8]
heads = [Dense(16, w) for w in widths]
v = tf.randn(3, 16)
print(Dense(28, 2)(tf.cat(v, *[h(v) for h in heads], axis=1)).shape)

a = np.zeros((4, 8))
a = np.concatenate([a, a])
print(Dense(8, 2)(tf.tensor(a)).shape)
b_arr = np.ones((2, 16))
b_arr.shape = (4, 8)
print(Dense(8, 2)(tf.tensor(b_arr)).shape)
c_arr = np.random.rand(3, 5)
c_arr = c_arr.T
print(Dense(3, 2)(tf.tensor(c_arr)).shape)
rng = np.random.default_rng(0)
d_arr = rng.random((6, 4))
d_arr = d_arr[:, :2]
print(Dense(2, 3)(tf.tensor(d_arr)).shape)
e_arr = np.eye(4)
e_arr = np.kron(e_arr, np.ones((2, 2)))
print(Dense(8, 2)(tf.tensor(e_arr)).shape)


def restore(x: Tensor[B, 8]) -> Tensor[B, 8]:
    h = x
    for _ in range(3):
        h = tf.cat(h, h, axis=1)
        h = h[:, :8]
    return h


def f(x: Tensor[B, 4], y: Tensor[B, 6], scale: float = 1.0) -> Tensor[B, 10]:
    return tf.cat(x, y, axis=1) * scale


t: Tuple[tf.Tensor, tf.Tensor, float] = (tf.zeros(2, 4), tf.zeros(2, 6), 2.0)
print(restore(tf.ones(3, 8)).shape, f(*t).shape, f(*t[:2]).shape)
