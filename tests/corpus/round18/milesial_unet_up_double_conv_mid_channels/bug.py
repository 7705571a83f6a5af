"""milesial/Pytorch-UNet's Up block (bilinear): upsample the deeper map, pad it to the skip's
size by the diffX/diffY it computes, concatenate [x2, x1] on channels, and DoubleConv(in_ch,
out_ch, in_ch // 2) reads the whole concatenation, in_ch = skip + upsampled channels."""
from __future__ import annotations

from typing import Optional

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, MaxPool, Tensor, Upsample, relu


class DoubleConv:
    def __init__(self, in_channels: int, out_channels: int, mid_channels: Optional[int] = None) -> None:
        if not mid_channels:
            mid_channels = out_channels
        self.double_conv = Chain(
            Conv((3, 3), in_channels, mid_channels, pad=1, bias=False),
            BatchNorm(mid_channels),
            relu,
            Conv((3, 3), mid_channels, out_channels, pad=1, bias=False),
            BatchNorm(out_channels),
            relu,
        )

    def __call__(self, x: Tensor) -> Tensor:
        return self.double_conv(x)


class Down:
    def __init__(self, in_channels: int, out_channels: int) -> None:
        self.maxpool_conv = Chain(MaxPool((2, 2)), DoubleConv(in_channels, out_channels))

    def __call__(self, x: Tensor) -> Tensor:
        return self.maxpool_conv(x)


class Up:
    def __init__(self, in_channels: int, out_channels: int) -> None:
        self.up = Upsample(scale=2, mode="bilinear")
        self.conv = DoubleConv(in_channels // 2, out_channels)

    def __call__(self, x1: Tensor, x2: Tensor) -> Tensor:
        x1 = self.up(x1)
        diffY = x2.shape[2] - x1.shape[2]
        diffX = x2.shape[3] - x1.shape[3]
        x1 = tf.pad(x1, ((0, 0), (0, 0), (diffY // 2, diffY - diffY // 2), (diffX // 2, diffX - diffX // 2)))
        x = tf.cat(x2, x1, axis=1)
        return self.conv(x)


inc = DoubleConv(3, 8)
down1 = Down(8, 16)
down2 = Down(16, 16)
up1 = Up(32, 8)
up2 = Up(16, 8)
outc = Conv((1, 1), 8, 2)
x1 = inc(tf.randn(1, 3, 16, 16))
x2 = down1(x1)
x3 = down2(x2)
x = up1(x3, x2)  # BUG  # E: Chain layer 1 Conv((3, 3), 16 => 8, pad=1, bias=False) expects input Tensor[B, 16, H, W], got Tensor[1, 32, 8, 8]; need size 16 at axis 1 (got 32)  [shape]
x = up2(x, x1)
logits = outc(x)
print(logits.shape)
