"""torchvision's ResNet-50 layout, shrunk: Bottleneck blocks (1x1 reduce, 3x3, 1x1 expand by
expansion = 4), a ResNet class that takes the block class and per-stage counts, and
_make_layer's downsample projecting to planes * block.expansion."""
from __future__ import annotations

from typing import List, Optional, Type

import typedflux as tf
from typedflux import AdaptiveMeanPool, BatchNorm, Chain, Conv, Dense, Flatten, MaxPool, Tensor, relu


class Bottleneck:
    expansion = 4

    def __init__(self, inplanes: int, planes: int, stride: int = 1,
                 downsample: Optional[Chain] = None) -> None:
        width = planes
        self.conv1 = Conv((1, 1), inplanes, width, bias=False)
        self.bn1 = BatchNorm(width)
        self.conv2 = Conv((3, 3), width, width, stride=stride, pad=1, bias=False)
        self.bn2 = BatchNorm(width)
        self.conv3 = Conv((1, 1), width, planes * self.expansion, bias=False)
        self.bn3 = BatchNorm(planes * self.expansion)
        self.downsample = downsample

    def __call__(self, x: Tensor) -> Tensor:
        identity = x
        out = relu(self.bn1(self.conv1(x)))
        out = relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        if self.downsample is not None:
            identity = self.downsample(x)
        return relu(out + identity)


class ResNet:
    def __init__(self, block: Type[Bottleneck], layers: List[int], num_classes: int = 10) -> None:
        self.inplanes = 8
        self.conv1 = Conv((7, 7), 3, 8, stride=2, pad=3, bias=False)
        self.bn1 = BatchNorm(8)
        self.maxpool = MaxPool((3, 3), stride=2, pad=1)
        self.layer1 = self._make_layer(block, 8, layers[0])
        self.layer2 = self._make_layer(block, 16, layers[1], stride=2)
        self.avgpool = AdaptiveMeanPool((1, 1))
        self.fc = Dense(16 * block.expansion, num_classes)

    def _make_layer(self, block: Type[Bottleneck], planes: int, blocks: int, stride: int = 1) -> Chain:
        downsample = None
        if stride != 1 or self.inplanes != planes * block.expansion:
            downsample = Chain(
                Conv((1, 1), self.inplanes, planes, stride=stride, bias=False),
                BatchNorm(planes * block.expansion),
            )
        layers = []
        layers.append(block(self.inplanes, planes, stride, downsample))
        self.inplanes = planes * block.expansion
        for _ in range(1, blocks):
            layers.append(block(self.inplanes, planes))
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        x = self.maxpool(relu(self.bn1(self.conv1(x))))
        x = self.layer2(self.layer1(x))
        x = Flatten()(self.avgpool(x))
        return self.fc(x)


model = ResNet(Bottleneck, [2, 2])  # BUG  # E: Chain layer 2 BatchNorm(32) expects input Tensor[B, 32, ...], but layer 1 Conv((1, 1), 8 => 8, bias=False) produces Tensor[B, 8, H', W']; change BatchNorm(32) to BatchNorm(8)  [shape]  # E: Chain layer 2 BatchNorm(64) expects input Tensor[B, 64, ...], but layer 1 Conv((1, 1), 32 => 16, stride=2, bias=False) produces Tensor[B, 16, (H' + 1)//2, (W' + 1)//2]; change BatchNorm(64) to BatchNorm(16)  [shape]
images = tf.randn(2, 3, 32, 32)
logits = model(images)
print(logits.shape)
