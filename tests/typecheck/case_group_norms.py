"""GroupNorm and InstanceNorm: a group count that does not divide the channels is reported
where the layer is built; inputs are checked where it is called; concrete and symbolic."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)

reveal_type(tf.GroupNorm(32, 8))  # N: Revealed type is "typedflux.layers.normalise.GroupNorm[Literal[32], Literal[8]]"
reveal_type(tf.InstanceNorm(3))  # N: Revealed type is "typedflux.layers.normalise.InstanceNorm[Literal[3]]"
indivisible = tf.GroupNorm(32, 6)  # E: Invalid arguments for "GroupNorm": channels = 32, groups = 6; need channels divisible by groups (32 % 6 = 2)  [shape]
no_groups = tf.GroupNorm(32, 0)  # E: Invalid argument for "GroupNorm": groups = 0; need an int >= 1  [shape]

img = tf.zeros(4, 32, 8, 8)
reveal_type(tf.GroupNorm(32, 8, tf.relu)(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[32], Literal[8], Literal[8]]"
wrong_channels = tf.GroupNorm(16, 8)(img)  # E: GroupNorm(16, 8) expects input Tensor[B, 16, ...], got Tensor[4, 32, 8, 8]; need size 16 at axis 1 (got 32)  [shape]
reveal_type(tf.InstanceNorm(32, affine=True)(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[32], Literal[8], Literal[8]]"
wrong_instance = tf.InstanceNorm(3)(img)  # E: InstanceNorm(3) expects input Tensor[B, 3, H, ...], got Tensor[4, 32, 8, 8]; need size 3 at axis 1 (got 32)  [shape]
no_spatial = tf.InstanceNorm(32)(tf.zeros(4, 32))  # E: InstanceNorm(32) expects input Tensor[B, 32, H, ...], got Tensor[4, 32]  [shape]

block = tf.Chain(tf.Conv((3, 3), 3, 32, pad=1), tf.GroupNorm(32, 8, tf.relu), tf.Conv((3, 3), 32, 16))
block_bad = tf.Chain(tf.Conv((3, 3), 3, 32, pad=1), tf.GroupNorm(16, 8, tf.relu))  # E: Chain layer 2 GroupNorm(16, 8, relu) expects input Tensor[B, 16, ...], but layer 1 Conv((3, 3), 3 => 32, pad=1) produces Tensor[B, 32, H', W']; change Conv((3, 3), 3 => 32, pad=1) to Conv((3, 3), 3 => 16, pad=1)  [shape]


# Symbolic: the layer sized from the input's own channel count fits any input of that type;
# a fixed one reports the channel axis of a symbolic input.
def normalise(x: Tensor[B, C, H, W]) -> Tensor[B, C, H, W]:
    return tf.InstanceNorm(x.shape[1], affine=True)(x)


def grouped(x: Tensor[B, 24, H, W]) -> Tensor[B, 24, H, W]:
    return tf.GroupNorm(x.shape[1], 6)(x)


def grouped_wrong(x: Tensor[B, 24, H, W]) -> None:
    tf.GroupNorm(x.shape[1], 5)  # E: Invalid arguments for "GroupNorm": channels = 24, groups = 5; need channels divisible by groups (24 % 5 = 4)  [shape]


def grouped_wrong_input(x: Tensor[B, 24, H, W]) -> None:
    tf.GroupNorm(32, 8)(x)  # E: GroupNorm(32, 8) expects input Tensor[B, 32, ...], got Tensor[B, 24, H, W]; need size 32 at axis 1 (got 24)  [shape]


normalise(tf.ones(2, 3, 4, 4))
grouped(tf.ones(2, 24, 4, 4))
grouped_wrong(tf.ones(2, 24, 4, 4))
grouped_wrong_input(tf.ones(2, 24, 4, 4))
