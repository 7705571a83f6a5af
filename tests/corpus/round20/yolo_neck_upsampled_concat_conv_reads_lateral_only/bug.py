"""A YOLOv5-style PAN neck: the deepest backbone map is reduced by a 1x1 Conv (CBS), upsampled
by 2 and concatenated with the middle map; a C3-like block fuses them; the same again with the
shallow map; then a downsampling path back (a stride-2 CBS, concat with the earlier lateral),
and a 1x1 detect conv per scale giving na * (nc + 5) channels."""
from __future__ import annotations

from typing import List, Tuple

import typedflux as tf
from typedflux import BatchNorm, Conv, Tensor, Upsample, swish


class CBS:
    def __init__(self, c1: int, c2: int, k: int = 1, s: int = 1) -> None:
        self.conv = Conv((k, k), c1, c2, stride=s, pad=k // 2, bias=False)
        self.bn = BatchNorm(c2, swish)

    def __call__(self, x: Tensor) -> Tensor:
        return self.bn(self.conv(x))


class C3:
    def __init__(self, c1: int, c2: int) -> None:
        c_ = c2 // 2
        self.cv1 = CBS(c1, c_)
        self.cv2 = CBS(c1, c_)
        self.m = CBS(c_, c_, 3)
        self.cv3 = CBS(2 * c_, c2)

    def __call__(self, x: Tensor) -> Tensor:
        return self.cv3(tf.cat(self.m(self.cv1(x)), self.cv2(x), axis=1))


class PANNeck:
    def __init__(self, ch: Tuple[int, int, int] = (16, 32, 64), nc: int = 3, na: int = 3) -> None:
        c3, c4, c5 = ch
        self.lat5 = CBS(c5, c4)
        self.up = Upsample(scale=2)
        self.c3_p4 = C3(c4, c4)
        self.lat4 = CBS(c4, c3)
        self.c3_p3 = C3(c3 + c3, c3)
        self.down3 = CBS(c3, c3, 3, 2)
        self.c3_n4 = C3(c3 + c3, c4)
        self.down4 = CBS(c4, c4, 3, 2)
        self.c3_n5 = C3(c4 + c4, c5)
        no = na * (nc + 5)
        self.detect = [Conv((1, 1), c, no) for c in (c3, c4, c5)]

    def __call__(self, p3: Tensor, p4: Tensor, p5: Tensor) -> List[Tensor]:
        x5 = self.lat5(p5)
        x4 = self.c3_p4(tf.cat(self.up(x5), p4, axis=1))
        l4 = self.lat4(x4)
        out3 = self.c3_p3(tf.cat(self.up(l4), p3, axis=1))
        out4 = self.c3_n4(tf.cat(self.down3(out3), l4, axis=1))
        out5 = self.c3_n5(tf.cat(self.down4(out4), x5, axis=1))
        return [self.detect[0](out3), self.detect[1](out4), self.detect[2](out5)]


neck = PANNeck()
p3, p4, p5 = tf.randn(2, 16, 32, 32), tf.randn(2, 32, 16, 16), tf.randn(2, 64, 8, 8)
preds = neck(p3, p4, p5)  # BUG  # E: Conv((1, 1), 32 => 16, bias=False) expects input Tensor[B, 32, H, W], got Tensor[2, 64, 16, 16]; need size 32 at axis 1 (got 64)  [shape]
print([p.shape for p in preds])
