"""Bare defs with int parameters: defaults, keywords, *args, recursion, data ints, bools, rebinding."""
import math
from typing import Tuple

import numpy as np

import typedflux as tf
from typedflux import Dense, Tensor


def sinusoidal(t: tf.Tensor, dim: int = 32, max_period: int = 10000) -> tf.Tensor:
    half = dim // 2
    freqs = tf.exp(-math.log(max_period) * tf.arange(half) / half)
    args = t.reshape(-1, 1) * freqs.reshape(1, -1)
    return tf.cat(tf.cos(args), tf.sin(args), axis=-1)


def pool(x: tf.Tensor, axis: int = -1, keepdims: bool = False) -> tf.Tensor:
    return x.mean(axis=axis, keepdims=keepdims)


def heads(x: tf.Tensor, n: int) -> tf.Tensor:
    b, t, d = x.shape
    return x.reshape(b, t, n, d // n).transpose(0, 2, 1, 3)


def halve(x: tf.Tensor, times: int) -> tf.Tensor:
    if times == 0:
        return x
    return halve(x[:, : x.shape[1] // 2], times - 1)


def widen(x: tf.Tensor, dim: int) -> tf.Tensor:
    dim = dim * 2
    return tf.zeros(x.shape[0], dim)


def shifted(x: tf.Tensor, dim: int) -> tf.Tensor:
    dim += 1
    return tf.zeros(x.shape[0], dim)


def tile(x: tf.Tensor, *reps: int) -> tf.Tensor:
    return tf.tile(x, *reps)


def first(x: tf.Tensor, n: int) -> tf.Tensor:
    return x[:n]


def flat(x: tf.Tensor, start: int = 1) -> tf.Tensor:
    return x.reshape(*x.shape[:start], -1)


t = tf.randn(8)
e = sinusoidal(t)
print((e + tf.zeros(8, 32)).shape)
e2 = sinusoidal(t, dim=64)
print((e2 + tf.zeros(8, 64)).shape)
e3 = sinusoidal(t, max_period=100, dim=16)
print((e3 + tf.zeros(8, 16)).shape)
ids = np.array([3, 1, 2, 5, 4, 6])
e4 = sinusoidal(t, 2 * len(ids))
print((e4 + tf.zeros(8, 12)).shape)
x = tf.randn(4, 6, 10)
print((pool(x) + tf.zeros(4, 6)).shape)
print((pool(x, 1) + tf.zeros(4, 10)).shape)
print((pool(x, keepdims=True) + tf.zeros(4, 6, 1)).shape)
print((pool(x, axis=0, keepdims=True) + tf.zeros(1, 6, 10)).shape)
print((pool(x, 2, True) + tf.zeros(4, 6, 1)).shape)
print((heads(tf.randn(2, 5, 48), 4) + tf.zeros(2, 4, 5, 12)).shape)
print((heads(tf.randn(2, 5, 48), n=6) + tf.zeros(2, 6, 5, 8)).shape)
print((halve(tf.randn(2, 16), 2) + tf.zeros(2, 4)).shape)
print((widen(tf.randn(3, 2), 5) + tf.zeros(3, 10)).shape)
print((shifted(tf.randn(3, 2), 5) + tf.zeros(3, 6)).shape)
print((tile(tf.randn(2, 3), 2, 1) + tf.zeros(4, 3)).shape)
print((first(tf.randn(10, 3), 4) + tf.zeros(4, 3)).shape)
print((first(tf.randn(10, 3), -2) + tf.zeros(8, 3)).shape)
print((flat(tf.randn(2, 3, 4, 5)) + tf.zeros(2, 60)).shape)
print((flat(tf.randn(2, 3, 4, 5), 2) + tf.zeros(2, 3, 20)).shape)
n_from_data = int(np.sum(ids > 2))
print((first(tf.randn(10, 3), n_from_data) + tf.zeros(4, 3)).shape)
