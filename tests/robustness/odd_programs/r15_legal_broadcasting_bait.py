"""Legal broadcasting in generic and concrete forms (the attack suite's bait)."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
Bs = TypeVarTuple("Bs")


def outer_add(x: Tensor[B, 1], y: Tensor[1, N]) -> Tensor[B, N]:
    return x + y


def row_bias(x: Tensor[B, N], b: Tensor[N]) -> Tensor[B, N]:
    return x + b


def col_scale(x: Tensor[B, N], s: Tensor[B, 1]) -> Tensor[B, N]:
    return x * s


def batch_bias(x: Tensor[Unpack[Bs], N], b: Tensor[1, N]) -> Tensor[Unpack[Bs], N]:
    return x + b[0]


def scalar_ops(x: Tensor[B, N], t: Tensor[()]) -> Tensor[B, N]:
    return x * t + 1.0 - t


def norm_rows(x: Tensor[B, N]) -> Tensor[B, N]:
    return x / x.sum(axis=1, keepdims=True)


def center3(x: Tensor[B, M, N]) -> Tensor[B, M, N]:
    return x - x.mean(axis=(0, 1), keepdims=True)


def gram(x: Tensor[B, N]) -> Tensor[B, B]:
    return (x[:, None, :] * x[None, :, :]).sum(axis=-1)


def same_or_one(x: Tensor[B, N], y: Tensor[B, N]) -> Tensor[B, N]:
    return tf.maximum(x, y) - tf.minimum(x, y[:1])


a = tf.ones(3, 1) + tf.ones(1, 4)
b = tf.ones(2, 1, 5) * tf.ones(3, 1)
c = tf.where(tf.ones(4, 1) > 0, tf.ones(1, 6), 0.0)
d = tf.ones(1) + tf.ones(7, 1)
print(outer_add(tf.ones(3, 1), tf.ones(1, 4)).shape, row_bias(tf.ones(2, 3), tf.ones(3)).shape,
      col_scale(tf.ones(2, 3), tf.ones(2, 1)).shape, batch_bias(tf.ones(4, 2, 3), tf.ones(1, 3)).shape,
      scalar_ops(tf.ones(2, 3), tf.ones(2, 3).sum()).shape, norm_rows(tf.ones(2, 3)).shape,
      center3(tf.ones(2, 3, 4)).shape, gram(tf.ones(5, 3)).shape, same_or_one(tf.ones(2, 3), tf.ones(2, 3)).shape,
      a.shape, b.shape, c.shape, d.shape)
