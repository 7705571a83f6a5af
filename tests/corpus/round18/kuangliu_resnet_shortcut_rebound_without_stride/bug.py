"""kuangliu/pytorch-cifar's ResNet: BasicBlock binds self.shortcut twice in __init__ (an empty
Chain, then a projection when the stride or width changes) and ResNet builds each stage in
_make_layer from a list of strides, carrying self.in_planes; the projection must downsample
with the block's stride."""
from __future__ import annotations

from typing import List

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Tensor, relu


class BasicBlock:
    expansion = 1

    def __init__(self, in_planes: int, planes: int, stride: int = 1) -> None:
        self.conv1 = Conv((3, 3), in_planes, planes, stride=stride, pad=1, bias=False)
        self.bn1 = BatchNorm(planes)
        self.conv2 = Conv((3, 3), planes, planes, pad=1, bias=False)
        self.bn2 = BatchNorm(planes)
        self.shortcut: Chain = Chain()
        if stride != 1 or in_planes != self.expansion * planes:
            self.shortcut = Chain(
                Conv((1, 1), in_planes, self.expansion * planes, bias=False),
                BatchNorm(self.expansion * planes),
            )

    def __call__(self, x: Tensor) -> Tensor:
        out = relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        out = out + self.shortcut(x)
        return relu(out)


class ResNet:
    def __init__(self, num_blocks: List[int], num_classes: int = 10) -> None:
        self.in_planes = 8
        self.conv1 = Conv((3, 3), 3, 8, pad=1, bias=False)
        self.bn1 = BatchNorm(8)
        self.layer1 = self._make_layer(8, num_blocks[0], 1)
        self.layer2 = self._make_layer(16, num_blocks[1], 2)
        self.linear = Dense(16, num_classes)

    def _make_layer(self, planes: int, num_blocks: int, stride: int) -> Chain:
        strides = [stride] + [1] * (num_blocks - 1)
        layers = []
        for s in strides:
            layers.append(BasicBlock(self.in_planes, planes, s))
            self.in_planes = planes * BasicBlock.expansion
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        out = relu(self.bn1(self.conv1(x)))
        out = self.layer2(self.layer1(out))
        out = out.mean(axis=(2, 3))
        return self.linear(out)


model = ResNet([2, 2])
x = tf.randn(2, 3, 8, 8)
logits = model(x)  # BUG  # E: Chain layer 1 BasicBlock(): Cannot broadcast for "add": x has Tensor[2, 16, 4, 4], y has Tensor[2, 16, 8, 8]; need equal sizes or 1 at axis -2 (4 vs 8)  [shape]  # N: input to layer 1: Tensor[2, 8, 8, 8]
print(logits.shape)
