"""torchvision's MobileNetV3 InvertedResidual: a 1x1 expansion to `expanded_channels`, a
depthwise conv, squeeze-and-excitation whose squeeze width is `_make_divisible(expanded // 4,
8)`, then a 1x1 projection; the residual when stride is 1 and the widths agree. Configs come
from a list of InvertedResidualConfig rows as the paper's table gives them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Tensor, relu


def _make_divisible(v: float, divisor: int, min_value: Optional[int] = None) -> int:
    if min_value is None:
        min_value = divisor
    new_v = max(min_value, int(v + divisor / 2) // divisor * divisor)
    if new_v < 0.9 * v:
        new_v += divisor
    return new_v


def hardswish(x: Tensor) -> Tensor:
    return x * tf.clamp(x + 3.0, min=0.0, max=6.0) / 6.0


class SqueezeExcitation:
    def __init__(self, input_channels: int, squeeze_channels: int) -> None:
        self.fc1 = Conv((1, 1), input_channels, squeeze_channels, relu)
        self.fc2 = Conv((1, 1), squeeze_channels, input_channels)

    def __call__(self, x: Tensor) -> Tensor:
        scale = x.mean(axis=(2, 3), keepdims=True)
        scale = tf.clamp(self.fc2(self.fc1(scale)) + 3.0, min=0.0, max=6.0) / 6.0
        return x * scale


@dataclass
class InvertedResidualConfig:
    input_channels: int
    kernel: int
    expanded_channels: int
    out_channels: int
    use_se: bool
    stride: int


class InvertedResidual:
    def __init__(self, cnf: InvertedResidualConfig) -> None:
        self.use_res_connect = cnf.stride == 1 and cnf.input_channels == cnf.out_channels
        self.expand = Chain(Conv((1, 1), cnf.input_channels, cnf.expanded_channels, bias=False),
                            BatchNorm(cnf.expanded_channels), hardswish)
        self.depthwise = Chain(
            Conv((cnf.kernel, cnf.kernel), cnf.expanded_channels, cnf.expanded_channels,
                 stride=cnf.stride, pad=(cnf.kernel - 1) // 2, groups=cnf.expanded_channels,
                 bias=False),
            BatchNorm(cnf.expanded_channels), hardswish)
        squeeze_channels = _make_divisible(cnf.expanded_channels // 4, 8)
        self.se = SqueezeExcitation(cnf.input_channels, squeeze_channels)
        self.project = Chain(Conv((1, 1), cnf.expanded_channels, cnf.out_channels, bias=False),
                             BatchNorm(cnf.out_channels))

    def __call__(self, x: Tensor) -> Tensor:
        h = self.se(self.depthwise(self.expand(x)))
        out = self.project(h)
        if self.use_res_connect:
            out = out + x
        return out


setting: List[InvertedResidualConfig] = [
    InvertedResidualConfig(16, 3, 64, 24, True, 2),
    InvertedResidualConfig(24, 5, 96, 24, True, 1),
]
blocks = [InvertedResidual(c) for c in setting]
x = tf.randn(2, 16, 16, 16)
for blk in blocks:
    x = blk(x)  # BUG[gap flow: the module's blocks = [InvertedResidual(c) for c in setting] (a comprehension over a list of config dataclass instances) applied in a for loop are not run per block; InvertedResidual(InvertedResidualConfig(16, 3, 64, 24, True, 2)) called directly is reported]
print(x.shape)
