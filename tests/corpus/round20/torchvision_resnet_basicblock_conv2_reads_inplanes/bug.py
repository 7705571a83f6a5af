"""torchvision's ResNet as written there: conv3x3/conv1x1 helpers, a BasicBlock taking
(inplanes, planes, stride, downsample, norm_layer), and ResNet._make_layer building the
downsample Chain when the stride or width changes, appending block(self.inplanes, planes, stride,
downsample), setting self.inplanes = planes * block.expansion, then the rest of the blocks."""
from __future__ import annotations

from typing import Any, Callable, List, Optional, Type

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, MaxPool, Tensor, relu


def conv3x3(in_planes: int, out_planes: int, stride: int = 1) -> Conv:
    return Conv((3, 3), in_planes, out_planes, stride=stride, pad=1, bias=False)


def conv1x1(in_planes: int, out_planes: int, stride: int = 1) -> Conv:
    return Conv((1, 1), in_planes, out_planes, stride=stride, bias=False)


class BasicBlock:
    expansion: int = 1

    def __init__(self, inplanes: int, planes: int, stride: int = 1,
                 downsample: Optional[Chain] = None,
                 norm_layer: Optional[Callable[..., Any]] = None) -> None:
        if norm_layer is None:
            norm_layer = BatchNorm
        self.conv1 = conv3x3(inplanes, planes, stride)
        self.bn1 = norm_layer(planes)
        self.conv2 = conv3x3(inplanes, planes)
        self.bn2 = norm_layer(planes)
        self.downsample = downsample
        self.stride = stride

    def __call__(self, x: Tensor) -> Tensor:
        identity = x
        out = relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        if self.downsample is not None:
            identity = self.downsample(x)
        return relu(out + identity)


class ResNet:
    def __init__(self, block: Type[BasicBlock], layers: List[int], num_classes: int = 10) -> None:
        self._norm_layer = BatchNorm
        self.inplanes = 16
        self.conv1 = Conv((7, 7), 3, self.inplanes, stride=2, pad=3, bias=False)
        self.bn1 = BatchNorm(self.inplanes)
        self.maxpool = MaxPool((3, 3), stride=2, pad=1)
        self.layer1 = self._make_layer(block, 16, layers[0])
        self.layer2 = self._make_layer(block, 32, layers[1], stride=2)
        self.fc = Dense(32 * block.expansion, num_classes)

    def _make_layer(self, block: Type[BasicBlock], planes: int, blocks: int, stride: int = 1) -> Chain:
        norm_layer = self._norm_layer
        downsample = None
        if stride != 1 or self.inplanes != planes * block.expansion:
            downsample = Chain(conv1x1(self.inplanes, planes * block.expansion, stride),
                               norm_layer(planes * block.expansion))
        layers = []
        layers.append(block(self.inplanes, planes, stride, downsample, norm_layer))
        self.inplanes = planes * block.expansion
        for _ in range(1, blocks):
            layers.append(block(self.inplanes, planes, norm_layer=norm_layer))
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        x = self.maxpool(relu(self.bn1(self.conv1(x))))
        x = self.layer2(self.layer1(x))
        x = x.mean(axis=(2, 3))
        return self.fc(x)


model = ResNet(BasicBlock, [2, 2])
images = tf.randn(2, 3, 32, 32)
logits = model(images)  # BUG[gap flow: torchvision's _make_layer with norm_layer = self._norm_layer (a class held in an attribute), downsample = None then a Chain, and BasicBlock's Optional norm_layer rebound 'if norm_layer is None: norm_layer = BatchNorm': model.layer1 and layer2 stay Chain[Any, ...]]
print(logits.shape)
