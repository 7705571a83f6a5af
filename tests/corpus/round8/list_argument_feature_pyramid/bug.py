"""A pyramid pooling helper takes a list of same-width feature vectors; one level was not
projected."""
from typing import List, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def pool_levels(levels: List[Tensor[B, 32]]) -> Tensor[B, 32]:
    return tf.stack(levels, axis=0).mean(axis=0)


p1, p2 = Dense(16, 32), Dense(64, 32)
f1, f2 = tf.randn(4, 16), tf.randn(4, 64)
print(pool_levels([p1(f1), f2]).shape)  # BUG  # E: Argument "levels[1]" of "pool_levels" has shape Tensor[4, 64], which does not match the annotation Tensor[B, 32]: axis 1 is 64, expected 32  [shape]  # N: B=4
