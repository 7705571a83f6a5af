"""A function averaging any number of embeddings through `*xs`; one of them comes from a
wider tower."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def average(*xs: Tensor[B, 32]) -> Tensor[B, 32]:
    return tf.stack(list(xs)).mean(axis=0)


a, b, c = Dense(8, 32), Dense(8, 32), Dense(8, 64)
x = tf.randn(4, 8)
print(average(a(x), b(x), c(x)).shape)  # BUG  # E: Argument "xs[2]" of "average" has shape Tensor[4, 64], which does not match the annotation Tensor[B, 32]: axis 1 is 64, expected 32  [shape]  # N: B=4
