"""A Temporal Convolutional Network (Bai et al.): each TemporalBlock pads a dilated conv by
(k-1)*dilation on time and chomps the same amount off the end (Chomp1d) so the output stays
causal and as long as the input; a 1x1 downsample matches channels for the residual. Time
runs along the last axis of a (B, C, 1, T) map."""
from __future__ import annotations

from typing import List

import typedflux as tf
from typedflux import Chain, Conv, Dense, Tensor, relu


class Chomp:
    def __init__(self, chomp_size: int) -> None:
        self.chomp_size = chomp_size

    def __call__(self, x: Tensor) -> Tensor:
        return x[:, :, :, : x.shape[3] - self.chomp_size]


class TemporalBlock:
    def __init__(self, n_in: int, n_out: int, k: int, dilation: int) -> None:
        padding = (k - 1) * dilation
        self.conv1 = Conv((1, k), n_in, n_out, pad=(0, 0, padding, padding), dilation=(1, dilation))
        self.chomp1 = Chomp(padding)
        self.conv2 = Conv((1, k), n_out, n_out, pad=(0, 0, padding, padding), dilation=(1, dilation))
        self.chomp2 = Chomp(padding // 2)
        self.downsample = Conv((1, 1), n_in, n_out)

    def __call__(self, x: Tensor) -> Tensor:
        out = relu(self.chomp1(self.conv1(x)))
        out = relu(self.chomp2(self.conv2(out)))
        return relu(out + self.downsample(x))


class TCN:
    def __init__(self, n_in: int, channels: List[int], k: int = 3) -> None:
        self.block1 = TemporalBlock(n_in, channels[0], k, 1)
        self.block2 = TemporalBlock(channels[0], channels[1], k, 2)
        self.linear = Dense(channels[1], 1)

    def __call__(self, x: Tensor) -> Tensor:
        h = self.block2(self.block1(x))
        return self.linear(h[:, :, 0, -1])


model = TCN(3, [8, 8])
series = tf.randn(2, 3, 1, 20)
pred = model(series)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 8, 1, 21], y has Tensor[2, 8, 1, 20]; need equal sizes or 1 at axis -1 (21 vs 20)  [shape]
print(pred.shape)
