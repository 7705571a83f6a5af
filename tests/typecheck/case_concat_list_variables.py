"""`tf.concat` of a list variable of tensors of several widths. mypy types such a list by
joining its items (`list[Tensor[4, int]]`), so the width of the result was unknown; a list
bound once to a display (in the module or in a function) and read only by typedflux's
functions or `len` is read as its items, and the widths are summed. A list that is changed
(an `append`) or read otherwise (a loop over it) stays unknown: nothing is reported there.
Concrete and symbolic; `@tf.shapecheck` and the layers raise the same words at run time.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)

feats = [tf.randn(4, 3), tf.randn(4, 5), tf.randn(4, 2)]
joined = tf.concat(feats, axis=-1)
Dense(11, 2)(joined)  # E: Dense(11 => 2) expects input Tensor[..., 11], got Tensor[4, 10]; need size 11 at axis -1 (got 10)  [shape]
Dense(10, 2)(joined)
print(len(feats))


@tf.shapecheck
def widths(a: Tensor[B, 3], b: Tensor[B, 5]) -> Tensor[B, 9]:
    parts = [a, b]
    return tf.concat(parts, axis=1)  # E: Return shape Tensor[B, 8] does not match the annotation Tensor[B, 9]: axis 1 is 8, expected 9  [shape]


@tf.shapecheck
def widths_fixed(a: Tensor[B, 3], b: Tensor[B, 5]) -> Tensor[B, 8]:
    parts = [a, b]
    return tf.concat(parts, axis=1)


@tf.shapecheck
def around(a: Tensor[B, 3], b: Tensor[B, N]) -> Tensor[B, "N + 3"]:
    parts = [a, b, a]
    return tf.concat(parts, axis=1)  # E: Return shape Tensor[B, N + 6] does not match the annotation Tensor[B, N + 3]: axis 1 is N + 6, expected N + 3  [shape]


@tf.shapecheck
def around_fixed(a: Tensor[B, 3], b: Tensor[B, N]) -> Tensor[B, "N + 6"]:
    parts = [a, b, a]
    return tf.concat(parts, axis=1)


def head(a: Tensor[B, 3], b: Tensor[B, 5]) -> Tensor[B, 2]:
    parts = [a, b]
    return Dense(9, 2)(tf.concat(parts, axis=-1))  # E: Dense(9 => 2) expects input Tensor[..., 9], got Tensor[B, 8]; need size 9 at axis -1 (got 8)  [shape]


def head_fixed(a: Tensor[B, 3], b: Tensor[B, 5]) -> Tensor[B, 2]:
    parts = [a, b]
    return Dense(8, 2)(tf.concat(parts, axis=-1))


# -- changed or read otherwise: the width stays unknown, nothing is reported ----------------------
def appended(a: Tensor[B, 3], b: Tensor[B, 5]) -> Tensor[B, 11]:
    parts = [a, b]
    parts.append(a)
    return tf.concat(parts, axis=1)


def looped(a: Tensor[B, 3], b: Tensor[B, 5]) -> Tensor[B, 8]:
    parts = [a, b]
    for p in parts:
        print(p.shape)
    return tf.concat(parts, axis=1)


x2, y2 = tf.randn(2, 3), tf.randn(2, 5)
widths(x2, y2)
widths_fixed(x2, y2)
around(x2, tf.randn(2, 4))
around_fixed(x2, tf.randn(2, 4))
head(x2, y2)
head_fixed(x2, y2)
appended(x2, y2)
looped(x2, y2)
