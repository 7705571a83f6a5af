"""A ShuffleNetV2 unit ported from PyTorch: `x.chunk(2, dim=1)` became `tf.chunk(x, 2)`, which
splits the last axis (width), so the branch gets all 116 channels."""
from typing import TypeVar

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Tensor, relu

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)

branch = Chain(
    Conv((1, 1), 58, 58), BatchNorm(58), relu,
    Conv((3, 3), 58, 58, pad=1, groups=58), BatchNorm(58),
    Conv((1, 1), 58, 58), BatchNorm(58), relu,
)


@tf.shapecheck
def shuffle_unit(x: Tensor[B, 116, H, W]) -> Tensor[B, 116, H, W]:
    left, right = tf.chunk(x, 2)
    out = tf.cat(left, branch(right), axis=1)  # BUG  # E: Chain layer 1 Conv((1, 1), 58 => 58) expects input Tensor[B, 58, H, W], got Tensor[B, 116, H, W//2]; need size 58 at axis 1 (got 116)  [shape]
    return tf.rearrange(out, "b (g c) h w -> b (c g) h w", g=2)


print(shuffle_unit(tf.randn(2, 116, 8, 8)).shape)
