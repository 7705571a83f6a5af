"""A class called with a tensor argument against its ``__init__``'s annotation: the words
name ``Encoder.__init__``, as ``@tf.shapecheck`` on that ``__init__`` does at run time (it
names a function by its ``__qualname__``; mypy's callee is the class, and the words said
``"Encoder"``)."""

from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
BLOCK: Final = 16
D: Final = 32


class Encoder:
    @tf.shapecheck
    def __init__(self, pos: Tensor[BLOCK, D]) -> None:
        self.pos = pos
        self.proj = Dense(D, D)

    @tf.shapecheck
    def encode(self, x: Tensor[B, D]) -> Tensor[B, D]:
        return self.proj(x)


enc = Encoder(tf.randn(BLOCK, D))
enc.encode(tf.randn(2, D))
Encoder(tf.randn(BLOCK, 2 * D))  # E: Argument "pos" of "Encoder.__init__" has shape Tensor[16, 64], which does not match the annotation Tensor[16, 32]: axis 1 is 64, expected 32  [shape]
Encoder(pos=tf.randn(8, D))  # E: Argument "pos" of "Encoder.__init__" has shape Tensor[8, 32], which does not match the annotation Tensor[16, 32]: axis 0 is 8, expected 16  [shape]
enc.encode(tf.randn(2, 3))  # E: Argument "x" of "Encoder.encode" has shape Tensor[2, 3], which does not match the annotation Tensor[B, 32]: axis 1 is 3, expected 32  [shape]  # N: B=2
