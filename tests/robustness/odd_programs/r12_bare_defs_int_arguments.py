"""Bare defs called with int arguments: rebinding, slices with negative ends, nested defs, loops,
recursion by loop, bools; each result checked against its run-time shape (a wrong static shape
is a false alarm)."""
import math
import numpy as np
import typedflux as tf
from typedflux import Dense, Tensor


def sinusoidal(t: tf.Tensor, dim: int) -> tf.Tensor:
    half = dim // 2
    freqs = tf.exp(-math.log(10000) * tf.arange(half) / half)
    args = t.reshape(-1, 1) * freqs.reshape(1, -1)
    return tf.cat(tf.cos(args), tf.sin(args), axis=-1)


def widen(x: tf.Tensor, dim: int) -> tf.Tensor:
    dim = dim * 2
    return tf.zeros(x.shape[0], dim)


def shifted(x: tf.Tensor, dim: int) -> tf.Tensor:
    dim += 1
    return tf.zeros(x.shape[0], dim)


def first(x: tf.Tensor, n: int) -> tf.Tensor:
    return x[:n]


def last(x: tf.Tensor, n: int) -> tf.Tensor:
    return x[-n:]


def flat(x: tf.Tensor, start: int) -> tf.Tensor:
    return x.reshape(*x.shape[:start], -1)


def pool(x: tf.Tensor, axis: int, keepdims: bool) -> tf.Tensor:
    return x.mean(axis=axis, keepdims=keepdims)


def odd_sin(t: tf.Tensor, dim: int) -> tf.Tensor:
    half = dim // 2
    e = tf.cat(tf.cos(t.reshape(-1, 1) * tf.ones(1, half)), tf.sin(t.reshape(-1, 1) * tf.ones(1, half)), axis=-1)
    if dim % 2 == 1:
        e = tf.cat(e, tf.zeros(e.shape[0], 1), axis=-1)
    return e


def grid(h: int, w: int) -> tf.Tensor:
    ys = tf.arange(h).reshape(h, 1) * tf.ones(1, w)
    xs = tf.ones(h, 1) * tf.arange(w).reshape(1, w)
    return tf.stack([ys, xs], axis=-1).reshape(h * w, 2)


def nested(x: tf.Tensor, n: int) -> tf.Tensor:
    def inner(y: tf.Tensor, n: int) -> tf.Tensor:
        return y[:n]
    return inner(x, n + 1)


def loop_n(x: tf.Tensor, n: int) -> tf.Tensor:
    for _ in range(n):
        x = tf.cat(x, x, axis=0)
    return x


def while_n(x: tf.Tensor, n: int) -> tf.Tensor:
    while n > 1:
        x = x[: x.shape[0] // 2]
        n = n // 2
    return x


def ranged(x: tf.Tensor, lo: int, hi: int) -> tf.Tensor:
    return x[lo:hi]


def stepped(x: tf.Tensor, s: int) -> tf.Tensor:
    return x[::s]


def neg(x: tf.Tensor, n: int) -> tf.Tensor:
    return x.reshape(n, -1)


t = tf.randn(8)
print((sinusoidal(t, 64) + tf.zeros(8, 64)).shape)
print((sinusoidal(t, 7) + tf.zeros(8, 6)).shape)
print((widen(tf.randn(3, 2), 5) + tf.zeros(3, 10)).shape)
print((shifted(tf.randn(3, 2), 5) + tf.zeros(3, 6)).shape)
print((first(tf.randn(10, 3), 4) + tf.zeros(4, 3)).shape)
print((first(tf.randn(10, 3), -2) + tf.zeros(8, 3)).shape)
print((first(tf.randn(10, 3), 20) + tf.zeros(10, 3)).shape)
print((last(tf.randn(10, 3), 4) + tf.zeros(4, 3)).shape)
print((last(tf.randn(10, 3), 0) + tf.zeros(10, 3)).shape)
print((flat(tf.randn(2, 3, 4, 5), 2) + tf.zeros(2, 3, 20)).shape)
print((pool(tf.randn(2, 3, 4), 1, True) + tf.zeros(2, 1, 4)).shape)
print((pool(tf.randn(2, 3, 4), -1, False) + tf.zeros(2, 3)).shape)
print((odd_sin(t, 7) + tf.zeros(8, 7)).shape)
print((grid(3, 4) + tf.zeros(12, 2)).shape)
print((nested(tf.randn(10, 3), 4) + tf.zeros(5, 3)).shape)
print((loop_n(tf.randn(2, 3), 3) + tf.zeros(16, 3)).shape)
print((while_n(tf.randn(16, 3), 4) + tf.zeros(4, 3)).shape)
print((ranged(tf.randn(10, 3), 2, -1) + tf.zeros(7, 3)).shape)
print((ranged(tf.randn(10, 3), -3, 20) + tf.zeros(3, 3)).shape)
print((stepped(tf.randn(10, 3), 3) + tf.zeros(4, 3)).shape)
print((stepped(tf.randn(10, 3), -3) + tf.zeros(4, 3)).shape)
print((neg(tf.randn(10, 6), 3) + tf.zeros(3, 20)).shape)
N = 5
print((first(tf.randn(10, 3), N) + tf.zeros(5, 3)).shape)
N = 7
print((first(tf.randn(10, 3), True) + tf.zeros(1, 3)).shape)
