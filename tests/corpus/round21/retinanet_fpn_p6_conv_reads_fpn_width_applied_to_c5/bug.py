"""torchvision's FeaturePyramidNetwork with LastLevelP6P7 as RetinaNet builds it: lateral 1x1
convs to `out_channels`, a top-down pathway (nearest upsampling by 2, added), 3x3 output convs,
and P6/P7 from C5 (P6 reads C5's channels because in_channels != out_channels, use_P5 False)."""
from __future__ import annotations

from typing import List, Tuple

import typedflux as tf
from typedflux import Conv, Tensor, Upsample


class LastLevelP6P7:
    def __init__(self, in_channels: int, out_channels: int) -> None:
        self.p6 = Conv((3, 3), out_channels, out_channels, stride=2, pad=1)
        self.p7 = Conv((3, 3), out_channels, out_channels, stride=2, pad=1)
        self.use_P5 = in_channels == out_channels

    def __call__(self, p5: Tensor, c5: Tensor) -> Tuple[Tensor, Tensor]:
        x = p5 if self.use_P5 else c5
        p6 = self.p6(x)
        p7 = self.p7(tf.relu(p6))
        return p6, p7


class FeaturePyramidNetwork:
    def __init__(self, in_channels_list: List[int], out_channels: int) -> None:
        self.inner_blocks = [Conv((1, 1), c, out_channels) for c in in_channels_list]
        self.layer_blocks = [Conv((3, 3), out_channels, out_channels, pad=1)
                             for _ in in_channels_list]
        self.extra = LastLevelP6P7(in_channels_list[-1], out_channels)
        self.up = Upsample(scale=2)

    def __call__(self, c3: Tensor, c4: Tensor, c5: Tensor) -> List[Tensor]:
        last_inner = self.inner_blocks[2](c5)
        p5 = self.layer_blocks[2](last_inner)
        last_inner = self.inner_blocks[1](c4) + self.up(last_inner)
        p4 = self.layer_blocks[1](last_inner)
        last_inner = self.inner_blocks[0](c3) + self.up(last_inner)
        p3 = self.layer_blocks[0](last_inner)
        p6, p7 = self.extra(p5, c5)
        return [p3, p4, p5, p6, p7]


fpn = FeaturePyramidNetwork([16, 32, 64], 24)
c3, c4, c5 = tf.randn(2, 16, 16, 16), tf.randn(2, 32, 8, 8), tf.randn(2, 64, 4, 4)
levels = fpn(c3, c4, c5)  # BUG[gap flow: self.inner_blocks/self.layer_blocks are list attributes of Convs from comprehensions over the in_channels_list parameter (Conv[Any, Any]), so p5 is unknown, and x = p5 if self.use_P5 else c5 joins it with c5; fpn.extra(p5, c5) with a known p5 at module level is reported]
print([p.shape for p in levels])
