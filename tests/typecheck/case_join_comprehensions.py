"""Tensors joined from a comprehension or a list of unknown length (``tf.stack(list(...))``,
``tf.cat(*[...])``, ``tf.cat(*parts)``): the count along the joined axis is unknown, the other
axes are the items' and are checked after the join. (A comprehension in the call, or wrapped in
``list``/``tuple``, over a list bound once to a comprehension over ``range(3)`` makes 3 items:
callbacks/list_counts.py; so does a starred comprehension, ``tf.cat(*[f(x) for x in xs])``; a
starred name, ``tf.cat(*parts)``, keeps the count unknown.)"""

from typing import List

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Dense, Tensor

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
