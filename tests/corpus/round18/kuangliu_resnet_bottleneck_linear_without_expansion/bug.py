"""kuangliu/pytorch-cifar's ResNet-50 shape: Bottleneck blocks with expansion = 4, the block
class handed to ResNet and _make_layer, self.in_planes = planes * block.expansion after each
block; the classifier must read the last stage's planes times the block's expansion."""
from __future__ import annotations

from typing import List, Type

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Tensor, relu


class Bottleneck:
    expansion = 4

    def __init__(self, in_planes: int, planes: int, stride: int = 1) -> None:
        self.conv1 = Conv((1, 1), in_planes, planes, bias=False)
        self.bn1 = BatchNorm(planes)
        self.conv2 = Conv((3, 3), planes, planes, stride=stride, pad=1, bias=False)
        self.bn2 = BatchNorm(planes)
        self.conv3 = Conv((1, 1), planes, self.expansion * planes, bias=False)
        self.bn3 = BatchNorm(self.expansion * planes)
        self.shortcut: Chain = Chain()
        if stride != 1 or in_planes != self.expansion * planes:
            self.shortcut = Chain(
                Conv((1, 1), in_planes, self.expansion * planes, stride=stride, bias=False),
                BatchNorm(self.expansion * planes),
            )

    def __call__(self, x: Tensor) -> Tensor:
        out = relu(self.bn1(self.conv1(x)))
        out = relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        return relu(out + self.shortcut(x))


class ResNet:
    def __init__(self, block: Type[Bottleneck], num_blocks: List[int], num_classes: int = 10) -> None:
        self.in_planes = 8
        self.conv1 = Conv((3, 3), 3, 8, pad=1, bias=False)
        self.bn1 = BatchNorm(8)
        self.layer1 = self._make_layer(block, 4, num_blocks[0], 1)
        self.layer2 = self._make_layer(block, 8, num_blocks[1], 2)
        self.linear = Dense(8, num_classes)

    def _make_layer(self, block: Type[Bottleneck], planes: int, num_blocks: int, stride: int) -> Chain:
        strides = [stride] + [1] * (num_blocks - 1)
        layers = []
        for s in strides:
            layers.append(block(self.in_planes, planes, s))
            self.in_planes = planes * block.expansion
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        out = relu(self.bn1(self.conv1(x)))
        out = self.layer2(self.layer1(out))
        return self.linear(out.mean(axis=(2, 3)))


model = ResNet(Bottleneck, [1, 1])
logits = model(tf.randn(2, 3, 8, 8))  # BUG  # E: Dense(8 => 10) expects input Tensor[..., 8], got Tensor[2, 32]; need size 8 at axis -1 (got 32)  [shape]
print(logits.shape)
