"""EfficientNet's MBConv: a 1x1 expansion by expand_ratio, a depthwise conv, squeeze-and-excite
whose reduce conv reads the expanded channels and squeezes to max(1, int(in_ch * se_ratio)),
then a 1x1 projection; the identity skip only when the stride is 1 and widths match."""
from __future__ import annotations

import typedflux as tf
from typedflux import BatchNorm, Conv, GlobalMeanPool, Tensor, sigmoid, swish


class MBConv:
    def __init__(self, in_ch: int, out_ch: int, expand_ratio: int, stride: int, se_ratio: float = 0.25) -> None:
        mid = in_ch * expand_ratio
        squeezed = max(1, int(in_ch * se_ratio))
        self.use_skip = stride == 1 and in_ch == out_ch
        self.expand = Conv((1, 1), in_ch, mid, bias=False)
        self.bn0 = BatchNorm(mid)
        self.depthwise = Conv((3, 3), mid, mid, stride=stride, pad=1, groups=mid, bias=False)
        self.bn1 = BatchNorm(mid)
        self.pool = GlobalMeanPool()
        self.se_reduce = Conv((1, 1), in_ch, squeezed)
        self.se_expand = Conv((1, 1), squeezed, mid)
        self.project = Conv((1, 1), mid, out_ch, bias=False)
        self.bn2 = BatchNorm(out_ch)

    def __call__(self, x: Tensor) -> Tensor:
        h = swish(self.bn0(self.expand(x)))
        h = swish(self.bn1(self.depthwise(h)))
        s = self.se_expand(swish(self.se_reduce(self.pool(h))))
        h = h * sigmoid(s)
        h = self.bn2(self.project(h))
        return h + x if self.use_skip else h


block = MBConv(8, 8, 4, 1)
down = MBConv(8, 16, 6, 2)
y = down(block(tf.randn(2, 8, 8, 8)))  # BUG  # E: Conv((1, 1), 8 => 2) expects input Tensor[B, 8, H, W], got Tensor[?, 48, 1, 1]; need size 8 at axis 1 (got 48)  [shape]  # E: Conv((1, 1), 8 => 2) expects input Tensor[B, 8, H, W], got Tensor[2, 32, 1, 1]; need size 8 at axis 1 (got 32)  [shape]
print(y.shape)
