"""Slices that are legal and odd: empty results, steps, negative steps, slices past the end,
a symbolic dim sliced by constants, and empty tensors broadcasting with each other."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)

x = tf.randn(10, 6)
empty = x[:0]
tail = x[8:100]
steps = x[::3, ::2]
back = x[::-1, -2:]
both = tf.zeros(0, 6) + empty
col = x[:, 5:6] + x[:, :1]


def ends(v: Tensor[N]) -> Tensor[int]:
    return tf.cat(v[:2], v[-2:], v[2:-2][:0])


print(empty.shape, tail.shape, steps.shape, back.shape, both.shape, col.shape, ends(tf.randn(7)).shape,
      ends(tf.randn(3)).shape)
