"""A class attribute bound inside an ``if`` of the class body is not read as a constant.

``expansion = 1`` then ``if ...: expansion = 4`` in the body: which binding holds is decided
when the class is created, so neither is a size the checker may use (it read the first, a
false ``[shape]`` at the Dense after the block). A body of plain bindings is still read.
"""

import sys

import typedflux as tf
from typedflux import Dense


class Wide:
    expansion = 1
    if len(sys.argv) >= 0:
        expansion = 4

    def __init__(self, c: int) -> None:
        self.fc = Dense(c, c * self.expansion)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class Narrow:
    expansion = 4

    def __init__(self, c: int) -> None:
        self.fc = Dense(c, c * self.expansion)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


wide_head = Dense(32, 2)(Wide(8)(tf.randn(2, 8)))
narrow_head = Dense(8, 2)(Narrow(8)(tf.randn(2, 8)))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[2, 32]; need size 8 at axis -1 (got 32)  [shape]
