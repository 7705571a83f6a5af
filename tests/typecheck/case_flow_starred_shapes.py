"""A shape star-unpacked: ``*lead, d = x.shape``, then ``x.reshape(*lead, h, d // h)``.

Attention code splits the last axis whatever the leading ones are: ``lead`` is a list
(mypy: ``list[int]``, of no known length), but the statement that binds it takes the dims
``x.shape`` has before the last, so where ``x``'s rank is known and nothing else touches
``lead`` (every other mention is a ``*lead`` argument), ``x.reshape(*lead, 4, d // 4)``
and ``tf.zeros(*lead, d)`` are read with those dims. A list that may change
(``lead.append(1)``, passed to a function) stays unknown. Each with its fix, concrete and
symbolic; the same lines fail at run time with the same words.
"""

from typing import List, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


@tf.shapecheck
def heads(x: Tensor[B, T, 12]) -> Tensor[B, T, 4, 3]:
    *lead, d = x.shape
    return x.reshape(*lead, 4, d // 4)


@tf.shapecheck
def heads_wrong(x: Tensor[B, T, 12]) -> Tensor[B, T, 3, 4]:
    *lead, d = x.shape
    return x.reshape(*lead, 4, d // 4)  # E: Return shape Tensor[B, T, 4, 3] does not match the annotation Tensor[B, T, 3, 4]: axis 2 is 4, expected 3  [shape]


@tf.shapecheck
def pad_row(x: Tensor[B, T, 12]) -> Tensor[B, T, 24]:
    *lead, d = x.shape
    return tf.cat(x, tf.zeros(*lead, d), axis=-1)


@tf.shapecheck
def pad_row_wrong(x: Tensor[B, T, 12]) -> Tensor[B, T, 24]:
    *lead, d = x.shape
    return tf.cat(x, tf.zeros(*lead, d // 2), axis=1)  # E: Sizes differ for "cat": xs[0] has Tensor[B, T, 12], xs[1] has Tensor[B, T, 6]; need equal sizes except at axis 1 (12 vs 6 at axis 2)  [shape]


@tf.shapecheck
def grown(x: Tensor[B, T, 12]) -> Tensor[B, T, 3, 12]:
    *lead, d = x.shape
    lead.append(3)  # (a list changed: its length is not the shape's any more)
    return tf.zeros(*lead, d)


@tf.shapecheck
def passed(x: Tensor[B, T, 12], keep: List[List[int]]) -> Tensor[B, T, 3, 12]:
    *lead, d = x.shape
    keep.append(lead)  # (handed out: anything may change it)
    keep[0].append(3)
    return tf.zeros(*lead, d)


x = tf.randn(2, 3, 12)
*lead, d = x.shape
Dense(3, 2)(x.reshape(*lead, 4, d // 4))
Dense(4, 2)(x.reshape(*lead, 4, d // 4))  # E: Dense(4 => 2) expects input Tensor[..., 4], got Tensor[2, 3, 4, 3]; need size 4 at axis -1 (got 3)  [shape]
heads(x)
heads_wrong(x)
pad_row(x)
pad_row_wrong(x)
grown(x)
passed(x, [])
