"""Sizes a user layer's body holds, written inside a tuple argument; a method given a layer.

A TCN block pads causally by ``self.pad = (k - 1) * dilation`` (an int its ``__init__``
computes from the construction's values) with ``tf.pad(x, ((0, 0), (0, 0), (self.pad, 0),
(0, 0)))``, through a helper method that takes the conv to apply (``self.causal(self.conv1,
x)``); GPT-2 splits its fused projection by the width it read from the input (``b, t, d =
x.shape``, then ``tf.split(h, (d, d, d))``). Inside a tuple (or a list) an op takes, such
values are read as the run time passes them: ints, or for sizes symbolic dims too; an
attribute of unknown value leaves the op unknown. A method called with a layer for a
parameter of a layer type runs its body with that layer. The call of the instance is typed by
the body and a mismatch in it is reported at the call. Each with its fix, concrete and
symbolic; the same lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Conv, Dense, Tensor, relu

B = TypeVar("B", bound=int)


class Causal:
    def __init__(self, cin: int, cout: int, k: int, dilation: int) -> None:
        self.pad = (k - 1) * dilation
        self.conv1 = Conv((k, 1), cin, cout, relu, dilation=dilation)
        self.conv2 = Conv((k, 1), cout, cout, relu, dilation=dilation)

    def causal(self, conv: Conv, x: tf.Tensor) -> tf.Tensor:
        return conv(tf.pad(x, ((0, 0), (0, 0), (self.pad, 0), (0, 0))))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.causal(self.conv2, self.causal(self.conv1, x))
        return relu(h + x)


class CausalFixed:
    def __init__(self, cin: int, cout: int, k: int, dilation: int) -> None:
        self.pad = (k - 1) * dilation
        self.conv1 = Conv((k, 1), cin, cout, relu, dilation=dilation)
        self.conv2 = Conv((k, 1), cout, cout, relu, dilation=dilation)
        self.down = Conv((1, 1), cin, cout) if cin != cout else None

    def causal(self, conv: Conv, x: tf.Tensor) -> tf.Tensor:
        return conv(tf.pad(x, ((0, 0), (0, 0), (self.pad, 0), (0, 0))))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.causal(self.conv2, self.causal(self.conv1, x))
        return relu(h + (x if self.down is None else self.down(x)))


Causal(4, 16, 3, 1)(tf.randn(2, 4, 50, 1))  # E: Cannot broadcast for "add": x has Tensor[2, 16, 50, 1], y has Tensor[2, 4, 50, 1]; need equal sizes or 1 at axis -3 (16 vs 4)  [shape]
Dense(1, 2)(Causal(16, 16, 3, 2)(tf.randn(2, 16, 50, 1)))
Dense(3, 2)(Causal(16, 16, 3, 2)(tf.randn(2, 16, 50, 1)))  # E: Dense(3 => 2) expects input Tensor[..., 3], got Tensor[2, 16, 50, 1]; need size 3 at axis -1 (got 1)  [shape]
Dense(1, 2)(CausalFixed(4, 16, 3, 1)(tf.randn(2, 4, 50, 1)))
Dense(3, 2)(CausalFixed(4, 16, 3, 4)(tf.randn(2, 4, 50, 1)))  # E: Dense(3 => 2) expects input Tensor[..., 3], got Tensor[2, 16, 50, 1]; need size 3 at axis -1 (got 1)  [shape]


class Fused:
    def __init__(self, d: int) -> None:
        self.qkv = Dense(d, 3 * d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, t, d = x.shape
        q, k, v = tf.split(self.qkv(x), (d, d, d))
        return q @ k.swapaxes(-1, -2) @ v


class FusedWrong:
    def __init__(self, d: int) -> None:
        self.qkv = Dense(d, 3 * d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, t, d = x.shape
        q, k, v = tf.split(self.qkv(x), (d, d, 2 * d))
        return q @ k.swapaxes(-1, -2) @ v


Dense(32, 2)(Fused(32)(tf.randn(2, 5, 32)))
Dense(5, 2)(Fused(32)(tf.randn(2, 5, 32)))  # E: Dense(5 => 2) expects input Tensor[..., 5], got Tensor[2, 5, 32]; need size 5 at axis -1 (got 32)  [shape]
FusedWrong(32)(tf.randn(2, 5, 32))  # E: Sizes do not add up for "split": x has Tensor[2, 5, 96], sizes are (32, 32, 64); need a sum of 96 at axis 2 (128 vs 96)  [shape]


@tf.shapecheck
def attend(x: Tensor[B, 5, 32]) -> Tensor[B, 5, 32]:
    return Fused(32)(x)


@tf.shapecheck
def attend_wrong(x: Tensor[B, 5, 32]) -> Tensor[B, 5, 32]:
    return FusedWrong(32)(x)  # E: Sizes do not add up for "split": x has Tensor[B, 5, 96], sizes are (32, 32, 64); need a sum of 96 at axis 2 (128 vs 96)  [shape]


@tf.shapecheck
def block(x: Tensor[B, 16, 50, 1]) -> Tensor[B, 16, 50, 1]:
    return CausalFixed(16, 16, 3, 2)(x)


@tf.shapecheck
def block_wrong(x: Tensor[B, 4, 50, 1]) -> Tensor[B, 16, 50, 1]:
    return Causal(4, 16, 3, 1)(x)  # E: Cannot broadcast for "add": x has Tensor[B, 16, 50, 1], y has Tensor[B, 4, 50, 1]; need equal sizes or 1 at axis -3 (16 vs 4)  [shape]


attend(tf.randn(2, 5, 32))
attend_wrong(tf.randn(2, 5, 32))
block(tf.randn(2, 16, 50, 1))
block_wrong(tf.randn(2, 4, 50, 1))
