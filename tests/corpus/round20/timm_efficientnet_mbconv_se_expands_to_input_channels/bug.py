"""timm's EfficientNet InvertedResidual (MBConv): a 1x1 expansion conv, a depthwise conv
(groups = mid channels), SqueezeExcite whose reduced width comes from the block's INPUT
channels (rd = in_chs * se_ratio) but which reduces and expands the MID channels, a 1x1
projection, and the skip when stride is 1 and the widths agree. Stages are built from a
block-args list."""
from __future__ import annotations

from typing import List, Tuple

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Tensor, sigmoid, swish


class SqueezeExcite:
    def __init__(self, in_chs: int, rd_channels: int) -> None:
        self.conv_reduce = Conv((1, 1), in_chs, rd_channels)
        self.conv_expand = Conv((1, 1), rd_channels, in_chs)

    def __call__(self, x: Tensor) -> Tensor:
        x_se = x.mean(axis=(2, 3), keepdims=True)
        x_se = swish(self.conv_reduce(x_se))
        x_se = self.conv_expand(x_se)
        return x * sigmoid(x_se)


class InvertedResidual:
    def __init__(self, in_chs: int, out_chs: int, dw_kernel_size: int = 3, stride: int = 1,
                 exp_ratio: float = 6.0, se_ratio: float = 0.25) -> None:
        mid_chs = int(in_chs * exp_ratio)
        self.has_skip = in_chs == out_chs and stride == 1
        self.conv_pw = Conv((1, 1), in_chs, mid_chs, bias=False)
        self.bn1 = BatchNorm(mid_chs, swish)
        self.conv_dw = Conv((dw_kernel_size, dw_kernel_size), mid_chs, mid_chs, stride=stride,
                            pad=dw_kernel_size // 2, groups=mid_chs, bias=False)
        self.bn2 = BatchNorm(mid_chs, swish)
        self.se = SqueezeExcite(in_chs, rd_channels=max(1, int(in_chs * se_ratio)))
        self.conv_pwl = Conv((1, 1), mid_chs, out_chs, bias=False)
        self.bn3 = BatchNorm(out_chs)

    def __call__(self, x: Tensor) -> Tensor:
        shortcut = x
        x = self.bn1(self.conv_pw(x))
        x = self.bn2(self.conv_dw(x))
        x = self.se(x)
        x = self.bn3(self.conv_pwl(x))
        if self.has_skip:
            x = x + shortcut
        return x


BLOCK_ARGS: List[Tuple[int, int, int, int]] = [(16, 24, 3, 2), (24, 24, 3, 1), (24, 40, 5, 2)]


class EfficientNet:
    def __init__(self, num_classes: int = 10) -> None:
        self.conv_stem = Conv((3, 3), 3, 16, stride=2, pad=1, bias=False)
        self.bn1 = BatchNorm(16, swish)
        blocks: List[InvertedResidual] = []
        for in_chs, out_chs, k, s in BLOCK_ARGS:
            blocks.append(InvertedResidual(in_chs, out_chs, k, s))
        self.blocks = Chain(*blocks)
        self.conv_head = Conv((1, 1), 40, 64, bias=False)
        self.classifier = Dense(64, num_classes)

    def __call__(self, x: Tensor) -> Tensor:
        x = self.bn1(self.conv_stem(x))
        x = self.blocks(x)
        x = swish(self.conv_head(x))
        return self.classifier(x.mean(axis=(2, 3)))


block = InvertedResidual(16, 24, 3, 2)
feats = block(tf.randn(2, 16, 16, 16))  # BUG  # E: Conv((1, 1), 16 => 4) expects input Tensor[B, 16, H, W], got Tensor[2, 96, 1, 1]; need size 16 at axis 1 (got 96)  [shape]
print(feats.shape)
model = EfficientNet()
print(model(tf.randn(2, 3, 32, 32)).shape)
