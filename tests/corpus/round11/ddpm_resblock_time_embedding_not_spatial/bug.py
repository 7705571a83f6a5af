"""A DDPM U-Net residual block adds the projected time embedding (B, C) to its feature map
(B, C, H, W); it must be given two trailing spatial axes first."""
import math

import typedflux as tf
from typedflux import Conv, Dense, GroupNorm, swish


def timestep_embedding(t: tf.Tensor, dim: int) -> tf.Tensor:
    half = dim // 2
    freqs = tf.exp(tf.arange(half) * (-math.log(10000.0) / half))
    args = t.reshape(-1, 1) * freqs.reshape(1, half)
    return tf.concat([tf.cos(args), tf.sin(args)], axis=-1)


class ResBlock:
    def __init__(self, ch: int, tdim: int) -> None:
        self.norm1 = GroupNorm(ch, 8)
        self.conv1 = Conv((3, 3), ch, ch, pad=1)
        self.time_proj = Dense(tdim, ch)
        self.norm2 = GroupNorm(ch, 8)
        self.conv2 = Conv((3, 3), ch, ch, pad=1)


blk = ResBlock(32, 64)
x = tf.randn(2, 32, 8, 8)
temb = timestep_embedding(tf.tensor([3.0, 70.0]), 64)
h = blk.conv1(swish(blk.norm1(x)))
h = h + blk.time_proj(swish(temb))  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 32, 8, 8], y has Tensor[2, 32]; need equal sizes or 1 at axis -2 (8 vs 2)  [shape]
h = blk.conv2(swish(blk.norm2(h)))
print((x + h).shape)
