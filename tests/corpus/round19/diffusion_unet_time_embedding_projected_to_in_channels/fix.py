"""A DDPM-style U-Net: the timestep's sinusoidal embedding goes through an MLP, and every
ResBlock projects it to its own output channels and adds it to the feature map as
[:, :, None, None] after its first conv; a down step, a middle block and an up step with a
skip concatenation."""
from __future__ import annotations

import math

import typedflux as tf
from typedflux import Conv, Dense, GroupNorm, MaxPool, Tensor, Upsample, swish


def timestep_embedding(t: Tensor, dim: int) -> Tensor:
    half = dim // 2
    freqs = tf.exp(tf.arange(half) * (-math.log(10000.0) / half))
    args = t[:, None] * freqs[None, :]
    return tf.cat(tf.sin(args), tf.cos(args), axis=1)


class ResBlock:
    def __init__(self, in_ch: int, out_ch: int, temb_dim: int) -> None:
        self.norm1 = GroupNorm(in_ch, 4)
        self.conv1 = Conv((3, 3), in_ch, out_ch, pad=1)
        self.temb_proj = Dense(temb_dim, out_ch)
        self.norm2 = GroupNorm(out_ch, 4)
        self.conv2 = Conv((3, 3), out_ch, out_ch, pad=1)
        self.skip = Conv((1, 1), in_ch, out_ch)

    def __call__(self, x: Tensor, temb: Tensor) -> Tensor:
        h = self.conv1(swish(self.norm1(x)))
        h = h + self.temb_proj(swish(temb))[:, :, None, None]
        h = self.conv2(swish(self.norm2(h)))
        return self.skip(x) + h


class UNet:
    def __init__(self, ch: int = 8, temb_dim: int = 32) -> None:
        self.ch = ch
        self.temb1 = Dense(ch, temb_dim)
        self.temb2 = Dense(temb_dim, temb_dim)
        self.conv_in = Conv((3, 3), 3, ch, pad=1)
        self.down = ResBlock(ch, 2 * ch, temb_dim)
        self.pool = MaxPool((2, 2))
        self.mid = ResBlock(2 * ch, 2 * ch, temb_dim)
        self.upsample = Upsample(scale=2)
        self.up = ResBlock(4 * ch, ch, temb_dim)
        self.conv_out = Conv((3, 3), ch, 3, pad=1)

    def __call__(self, x: Tensor, t: Tensor) -> Tensor:
        temb = self.temb2(swish(self.temb1(timestep_embedding(t, self.ch))))
        h = self.conv_in(x)
        d = self.down(h, temb)
        m = self.mid(self.pool(d), temb)
        u = self.up(tf.cat(self.upsample(m), d, axis=1), temb)
        return self.conv_out(u)


model = UNet()
x = tf.randn(2, 3, 8, 8)
t = tf.tensor([3.0, 17.0])
eps = model(x, t)
print(eps.shape)
