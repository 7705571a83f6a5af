"""kuangliu/pytorch-cifar's DenseNet: _make_dense_layers appends growth-rate Bottlenecks whose
forward concatenates their output with their input, so the width grows by growth_rate per
layer; the Transition after a dense block must read num_planes after the loop has added every
layer's growth."""
from __future__ import annotations

import math
from typing import List

import typedflux as tf
from typedflux import MeanPool, BatchNorm, Chain, Conv, Dense, Tensor, relu


class Bottleneck:
    def __init__(self, in_planes: int, growth_rate: int) -> None:
        self.bn1 = BatchNorm(in_planes)
        self.conv1 = Conv((1, 1), in_planes, 4 * growth_rate, bias=False)
        self.bn2 = BatchNorm(4 * growth_rate)
        self.conv2 = Conv((3, 3), 4 * growth_rate, growth_rate, pad=1, bias=False)

    def __call__(self, x: Tensor) -> Tensor:
        out = self.conv1(relu(self.bn1(x)))
        out = self.conv2(relu(self.bn2(out)))
        return tf.cat(out, x, axis=1)


class Transition:
    def __init__(self, in_planes: int, out_planes: int) -> None:
        self.bn = BatchNorm(in_planes)
        self.conv = Conv((1, 1), in_planes, out_planes, bias=False)
        self.pool = MeanPool((2, 2))

    def __call__(self, x: Tensor) -> Tensor:
        return self.pool(self.conv(relu(self.bn(x))))


class DenseNet:
    def __init__(self, nblocks: List[int], growth_rate: int = 4, reduction: float = 0.5) -> None:
        self.growth_rate = growth_rate
        num_planes = 2 * growth_rate
        self.conv1 = Conv((3, 3), 3, num_planes, pad=1, bias=False)
        self.dense1 = self._make_dense_layers(num_planes, nblocks[0])
        out_planes = int(math.floor(num_planes * reduction))
        self.trans1 = Transition(num_planes, out_planes)
        num_planes += nblocks[0] * growth_rate
        num_planes = out_planes
        self.dense2 = self._make_dense_layers(num_planes, nblocks[1])
        num_planes += nblocks[1] * growth_rate
        self.bn = BatchNorm(num_planes)
        self.linear = Dense(num_planes, 10)

    def _make_dense_layers(self, in_planes: int, nblock: int) -> Chain:
        layers = []
        for _ in range(nblock):
            layers.append(Bottleneck(in_planes, self.growth_rate))
            in_planes += self.growth_rate
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        out = self.conv1(x)
        out = self.trans1(self.dense1(out))
        out = self.dense2(out)
        out = relu(self.bn(out)).mean(axis=(2, 3))
        return self.linear(out)


model = DenseNet([2, 2])
logits = model(tf.randn(2, 3, 8, 8))  # BUG  # E: BatchNorm(8) expects input Tensor[B, 8, ...], got Tensor[2, 16, 8, 8]; need size 8 at axis 1 (got 16)  [shape]
print(logits.shape)
