"""Optional parameters (no default) rebound in their None branch, early returns, elif chains."""
from typing import Optional, Tuple

import typedflux as tf
from typedflux import Dense


def f(x: tf.Tensor, mask: Optional[tf.Tensor]) -> tf.Tensor:
    if mask is None:
        mask = tf.ones(x.shape[0], x.shape[1])
    return x * mask[..., None]


def g(x: tf.Tensor, past: Optional[tf.Tensor]) -> tf.Tensor:
    if past is None:
        return Dense(8, 4)(x)
    return tf.cat(past, Dense(8, 4)(x), axis=1)


def h(x: tf.Tensor, a: Optional[tf.Tensor], b: Optional[tf.Tensor]) -> tf.Tensor:
    if a is not None and b is not None:
        return x + a + b
    elif a is not None:
        return x + a
    elif b is not None:
        return x * b
    return x


def k(x: tf.Tensor, cache: Optional[Tuple[tf.Tensor, tf.Tensor]]) -> Tuple[tf.Tensor, Tuple[tf.Tensor, tf.Tensor]]:
    kk, vv = x, x
    if cache is not None:
        pk, pv = cache
        kk = tf.cat(pk, kk, axis=1)
        vv = tf.cat(pv, vv, axis=1)
    return kk @ vv.transpose(0, 2, 1), (kk, vv)


x = tf.randn(2, 5, 8)
print(Dense(8, 2)(f(x, None)).shape, Dense(8, 2)(f(x, tf.zeros(2, 5))).shape)
print(Dense(4, 2)(g(x, None)).shape, Dense(4, 2)(g(x, tf.zeros(2, 3, 4))).shape)
print(Dense(8, 2)(h(x, None, None)).shape, Dense(8, 2)(h(x, tf.ones(8), None)).shape,
      Dense(8, 2)(h(x, None, tf.ones(5, 1))).shape, Dense(8, 2)(h(x, tf.ones(8), tf.ones(8))).shape)
s, c = k(x, None)
s2, c2 = k(x, c)
print(Dense(5, 2)(s).shape, Dense(5, 2)(s2[:, :5, :5]).shape, Dense(10, 2)(s2).shape, c2[0].shape)
