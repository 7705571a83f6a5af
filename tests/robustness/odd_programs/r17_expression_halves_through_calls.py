"""Correct (round 17's false-alarm hunt): h = half(x) of a def with expression dims; the result used with the right sizes."""
from typing import TypeVar
import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


@tf.shapecheck
def half(x: Tensor[B, "2*N"]) -> Tensor[B, N]:
    return x[:, : x.shape[1] // 2]


@tf.shapecheck
def twice(x: Tensor[B, N]) -> Tensor[B, "2*N"]:
    return tf.cat(x, x, axis=1)


x = tf.zeros(3, 8)
h = half(x)
y = Dense(4, 2)(h)
z = twice(h) + x
w = half(twice(h)) * h


def sym(a: Tensor[B, "2*N"]) -> Tensor[B, N]:
    hh = half(a)
    return hh + half(twice(hh))


print(y.shape, z.shape, w.shape, sym(tf.zeros(2, 6)).shape)
