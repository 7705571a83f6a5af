"""torchvision's ResNet-18 as its authors write it, shrunk for CIFAR: one ResNet class whose
_make_layer builds a downsample Chain when the stride or the width changes, hands it to the
first BasicBlock and rebinds self.inplanes; the head pools to 1x1, flattens and classifies."""
from __future__ import annotations

from typing import List, Optional

import typedflux as tf
from typedflux import AdaptiveMeanPool, BatchNorm, Chain, Conv, Dense, Flatten, Tensor, relu


class BasicBlock:
    expansion = 1

    def __init__(self, inplanes: int, planes: int, stride: int = 1,
                 downsample: Optional[Chain] = None) -> None:
        self.conv1 = Conv((3, 3), inplanes, planes, stride=stride, pad=1, bias=False)
        self.bn1 = BatchNorm(planes)
        self.conv2 = Conv((3, 3), planes, planes, pad=1, bias=False)
        self.bn2 = BatchNorm(planes)
        self.downsample = downsample

    def __call__(self, x: Tensor) -> Tensor:
        identity = x
        out = relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        if self.downsample is not None:
            identity = self.downsample(x)
        return relu(out + identity)


class ResNet:
    def __init__(self, layers: List[int], num_classes: int = 10) -> None:
        self.inplanes = 16
        self.conv1 = Conv((3, 3), 3, 16, pad=1, bias=False)
        self.bn1 = BatchNorm(16)
        self.layer1 = self._make_layer(16, layers[0])
        self.layer2 = self._make_layer(32, layers[1], stride=2)
        self.layer3 = self._make_layer(64, layers[2], stride=2)
        self.avgpool = AdaptiveMeanPool((1, 1))
        self.fc = Dense(32 * BasicBlock.expansion, num_classes)

    def _make_layer(self, planes: int, blocks: int, stride: int = 1) -> Chain:
        downsample = None
        if stride != 1 or self.inplanes != planes * BasicBlock.expansion:
            downsample = Chain(
                Conv((1, 1), self.inplanes, planes * BasicBlock.expansion, stride=stride, bias=False),
                BatchNorm(planes * BasicBlock.expansion),
            )
        layers = [BasicBlock(self.inplanes, planes, stride, downsample)]
        self.inplanes = planes * BasicBlock.expansion
        for _ in range(1, blocks):
            layers.append(BasicBlock(self.inplanes, planes))
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        x = relu(self.bn1(self.conv1(x)))
        x = self.layer1(x)
        x = self.layer2(x)
        x = self.layer3(x)
        x = self.avgpool(x)
        x = Flatten()(x)
        return self.fc(x)


model = ResNet([2, 2, 2])
images = tf.randn(2, 3, 16, 16)
logits = model(images)  # BUG  # E: Dense(32 => 10) expects input Tensor[..., 32], got Tensor[2, 64]; need size 32 at axis -1 (got 64)  [shape]
print(logits.shape)
