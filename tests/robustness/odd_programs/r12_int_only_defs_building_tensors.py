"""Defs whose parameters are all ints (or floats), building tensors: the result must be what runs
for every call, or unknown (random branches, data, loops, globals changed, recursion)."""
import random

import numpy as np

import typedflux as tf

SCALE = 2


def grid(h: int, w: int) -> tf.Tensor:
    ys = tf.arange(h).reshape(h, 1) * tf.ones(1, w)
    xs = tf.ones(h, 1) * tf.arange(w).reshape(1, w)
    return tf.stack([ys, xs], axis=-1).reshape(h * w, 2)


def coin(n: int) -> tf.Tensor:
    return tf.zeros(n) if random.random() < 2.0 else tf.zeros(2 * n)


def evens(n: int) -> tf.Tensor:
    a = np.arange(n)
    return tf.tensor(a[a % 2 == 0])


def grow(n: int) -> tf.Tensor:
    x = tf.zeros(1)
    for _ in range(n):
        x = tf.cat(x, x, axis=0)
    return x


def scaled(n: int) -> tf.Tensor:
    return tf.zeros(n * SCALE)


def rec(n: int) -> tf.Tensor:
    if n <= 1:
        return tf.zeros(1)
    return tf.cat(rec(n - 1), tf.zeros(1), axis=0)


def early(n: int) -> tf.Tensor:
    if n > 3:
        return tf.zeros(3)
    return tf.zeros(n)


def table(n: int, d: float) -> tf.Tensor:
    return tf.arange(n).reshape(n, 1) * d


def from_list(n: int) -> tf.Tensor:
    return tf.tensor([[0.0] * n for _ in range(n + 1)])


def with_try(n: int) -> tf.Tensor:
    try:
        return tf.zeros(n // (n - 3))
    except ZeroDivisionError:
        return tf.zeros(7)


print((grid(3, 4) + tf.zeros(12, 2)).shape, (coin(3) + tf.zeros(3)).shape)
print((evens(7) + tf.zeros(4)).shape, (grow(3) + tf.zeros(8)).shape)
print((scaled(4) + tf.zeros(8)).shape)
SCALE = 3
print((scaled(4) + tf.zeros(12)).shape, (rec(4) + tf.zeros(4)).shape)
print((early(5) + tf.zeros(3)).shape, (early(2) + tf.zeros(2)).shape)
print((table(5, 0.5) + tf.zeros(5, 1)).shape, (from_list(2) + tf.zeros(3, 2)).shape)
print((with_try(3) + tf.zeros(7)).shape, (with_try(4) + tf.zeros(4)).shape)
