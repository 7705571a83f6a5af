"""Tensors joined from a comprehension or a list of unknown length (``tf.stack(list(...))``,
``tf.cat(*[...])``, ``tf.cat(*parts)``): the count along the joined axis is unknown, the other
axes are the items' and are checked after the join. (A comprehension in the call, or wrapped in
``list``/``tuple``, over a list bound once to a comprehension over ``range(3)`` makes 3 items:
callbacks/list_counts.py; so does a starred comprehension, ``tf.cat(*[f(x) for x in xs])``, also
beside other tensors, ``tf.cat(*[b(x) for b in branches], pool(x), axis=1)`` (DeepLab's ASPP);
a starred name, ``tf.cat(*parts)``, keeps the count unknown.)"""

from typing import List, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)

xs = [tf.randn(2, 8) for _ in range(3)]
parts: List[Tensor[2, 4]] = [Dense(8, 4)(x) for x in xs]
reveal_type(tf.cat(*[Dense(8, 4)(x) for x in xs], axis=1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[12]]"
reveal_type(tf.cat(*parts, axis=0))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Literal[4]]"
reveal_type(tf.stack(list(Dense(8, 4)(x) for x in xs), axis=1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3], Literal[4]]"
reveal_type(tf.stack(tuple(p for p in parts)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[2], Literal[4]]"
reveal_type(tf.concat([Dense(8, 4)(x) for x in xs], axis=1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[12]]"
wide = tf.cat(*[Dense(8, 4)(x) for x in xs], axis=0)
bad = Dense(8, 2)(wide)  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[6, 4]; need size 8 at axis -1 (got 4)  [shape]
fixed = Dense(4, 2)(wide)
stacked = tf.stack(list(Dense(8, 4)(x) for x in xs), axis=1)
bad_sum = stacked + tf.randn(3, 1, 4)  # E: Cannot broadcast for "add": x has Tensor[2, 3, 4], y has Tensor[3, 1, 4]; need equal sizes or 1 at axis -3 (2 vs 3)  [shape]
fixed_sum = stacked + tf.randn(2, 1, 4)
# A starred tuple gives its items once each (mypy hands the plugin one such argument per
# item: counted once).
a3, b3 = tf.randn(2, 3), tf.randn(2, 3)
reveal_type(tf.cat(*(a3, b3), tf.randn(2, 3)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[9]]"
pair = (a3, b3)
reveal_type(tf.cat(*pair))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[6]]"
too_narrow = Dense(6, 2)(tf.cat(tf.randn(2, 3), *(a3, b3)))  # E: Dense(6 => 2) expects input Tensor[..., 6], got Tensor[2, 9]; need size 6 at axis -1 (got 9)  [shape]
just_right = Dense(9, 2)(tf.cat(tf.randn(2, 3), *(a3, b3)))

branches = [Dense(8, 4), Dense(8, 4, tf.relu), Dense(8, 4, tf.tanh)]
pooled = Dense(8, 2)
aspp = tf.cat(*[b(xs[0]) for b in branches], pooled(xs[0]), axis=1)
reveal_type(aspp)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[14]]"
project = Dense(12, 4)(aspp)  # E: Dense(12 => 4) expects input Tensor[..., 12], got Tensor[2, 14]; need size 12 at axis -1 (got 14)  [shape]
project_fixed = Dense(14, 4)(aspp)


@tf.shapecheck
def fused(x: Tensor[B, 8]) -> Tensor[B, 12]:
    return tf.cat(pooled(x), *[b(x) for b in branches], axis=1)  # E: Return shape Tensor[B, 14] does not match the annotation Tensor[B, 12]: axis 1 is 14, expected 12  [shape]


@tf.shapecheck
def fused_fixed(x: Tensor[B, 8]) -> Tensor[B, 14]:
    return tf.cat(pooled(x), *[b(x) for b in branches], axis=1)


fused(tf.randn(5, 8))
assert fused_fixed(tf.randn(5, 8)).shape == (5, 14)
