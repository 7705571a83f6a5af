"""A list bound once to a comprehension (``pooled = [c(x).max(axis=(2, 3)) for c in convs]``)
and joined later (``tf.concat(pooled, axis=1)``) is read as the comprehension written in the
call: one item per element of what it runs over, each of the item's type (nothing can change
the list: it is read only as an argument of typedflux's functions or ``len``). Its width was
unknown (callbacks/bound_lists.py)."""

from typing import List, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Conv, Dense, Tensor, relu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

convs = [Conv((k, 16), 1, 8, relu) for k in (2, 3, 4)]
heads = [Dense(16, 4), Dense(16, 4)]
classify = Dense(8, 2)
classify_fixed = Dense(24, 2)

x = tf.randn(2, 1, 10, 16)
pooled = [c(x).max(axis=(2, 3)) for c in convs]
reveal_type(tf.concat(pooled, axis=1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[24]]"
classify(tf.concat(pooled, axis=1))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[2, 24]; need size 8 at axis -1 (got 24)  [shape]
classify_fixed(tf.concat(pooled, axis=1))


@tf.shapecheck
def mixed(h: Tensor[B, T, 16]) -> Tensor[B, T, 4]:
    outs = [head(h) for head in heads]
    return tf.concat(outs, axis=-1)  # E: Return shape Tensor[B, T, 8] does not match the annotation Tensor[B, T, 4]: axis 2 is 8, expected 4  [shape]


@tf.shapecheck
def mixed_fixed(h: Tensor[B, T, 16]) -> Tensor[B, T, 8]:
    outs = [head(h) for head in heads]
    return tf.concat(outs, axis=-1)


@tf.shapecheck
def grown(h: Tensor[B, 16]) -> Tensor[B, int]:
    outs = [head(h) for head in heads]
    outs.append(h)  # (changed after it is bound: not read)
    return tf.concat(outs, axis=-1)


mixed(tf.randn(2, 3, 16))
mixed_fixed(tf.randn(2, 3, 16))
reveal_type(grown(tf.randn(2, 16)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Any]"
