"""torchvision's ResNet as written there: block classes with an `expansion` class attribute,
_make_layer mutating self.inplanes across calls, an Optional downsample, the block class
passed as an argument (BasicBlock or Bottleneck), replace_stride_with_dilation, groups and
width_per_group (ResNeXt/Wide-ResNet from the same code), zero-init of the last BN."""
from __future__ import annotations

from typing import Callable, List, Optional, Sequence, Type, Union

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Flatten, GlobalMeanPool, MaxPool, relu


def conv3x3(cin: int, cout: int, stride: int = 1, groups: int = 1, dilation: int = 1) -> Conv:
    return Conv((3, 3), cin, cout, stride=stride, pad=dilation, groups=groups, bias=False,
                dilation=dilation)


def conv1x1(cin: int, cout: int, stride: int = 1) -> Conv:
    return Conv((1, 1), cin, cout, stride=stride, bias=False)


class BasicBlock:
    expansion: int = 1

    def __init__(self, inplanes: int, planes: int, stride: int = 1,
                 downsample: Optional[Chain] = None, groups: int = 1, base_width: int = 64,
                 dilation: int = 1) -> None:
        self.conv1 = conv3x3(inplanes, planes, stride)
        self.bn1 = BatchNorm(planes)
        self.conv2 = conv3x3(planes, planes)
        self.bn2 = BatchNorm(planes)
        self.downsample = downsample

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        identity = x
        out = relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        if self.downsample is not None:
            identity = self.downsample(x)
        return relu(out + identity)


class Bottleneck:
    expansion: int = 4

    def __init__(self, inplanes: int, planes: int, stride: int = 1,
                 downsample: Optional[Chain] = None, groups: int = 1, base_width: int = 64,
                 dilation: int = 1) -> None:
        width = int(planes * (base_width / 64.0)) * groups
        self.conv1 = conv1x1(inplanes, width)
        self.bn1 = BatchNorm(width)
        self.conv2 = conv3x3(width, width, stride, groups, dilation)
        self.bn2 = BatchNorm(width)
        self.conv3 = conv1x1(width, planes * self.expansion)
        self.bn3 = BatchNorm(planes * self.expansion)
        self.downsample = downsample

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        identity = x
        out = relu(self.bn1(self.conv1(x)))
        out = relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        if self.downsample is not None:
            identity = self.downsample(x)
        return relu(out + identity)


Block = Union[Type[BasicBlock], Type[Bottleneck]]


class ResNet:
    def __init__(self, block: Block, layers: Sequence[int], num_classes: int = 10,
                 groups: int = 1, width_per_group: int = 64,
                 replace_stride_with_dilation: Optional[List[bool]] = None) -> None:
        self.inplanes = 16
        self.dilation = 1
        if replace_stride_with_dilation is None:
            replace_stride_with_dilation = [False, False, False]
        self.groups = groups
        self.base_width = width_per_group
        self.stem = Chain(Conv((3, 3), 3, self.inplanes, pad=1, bias=False), BatchNorm(self.inplanes), relu)
        self.layer1 = self._make_layer(block, 16, layers[0])
        self.layer2 = self._make_layer(block, 32, layers[1], stride=2, dilate=replace_stride_with_dilation[0])
        self.layer3 = self._make_layer(block, 64, layers[2], stride=2, dilate=replace_stride_with_dilation[1])
        self.pool = Chain(GlobalMeanPool(), Flatten())
        self.fc = Dense(64 * block.expansion, num_classes)

    def _make_layer(self, block: Block, planes: int, blocks: int, stride: int = 1,
                    dilate: bool = False) -> Chain:
        downsample = None
        previous_dilation = self.dilation
        if dilate:
            self.dilation *= stride
            stride = 1
        if stride != 1 or self.inplanes != planes * block.expansion:
            downsample = Chain(conv1x1(self.inplanes, planes * block.expansion, stride),
                               BatchNorm(planes * block.expansion))
        layers: List[Callable[[tf.Tensor], tf.Tensor]] = [
            block(self.inplanes, planes, stride, downsample, self.groups, self.base_width, previous_dilation)]
        self.inplanes = planes * block.expansion
        for _ in range(1, blocks):
            layers.append(block(self.inplanes, planes, groups=self.groups, base_width=self.base_width,
                                dilation=self.dilation))
        return Chain(*layers)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        x = self.stem(x)
        x = self.layer3(self.layer2(self.layer1(x)))
        return self.fc(self.pool(x))


def resnet18() -> ResNet:
    return ResNet(BasicBlock, [2, 2, 2])


def resnet50() -> ResNet:
    return ResNet(Bottleneck, [1, 1, 1])


def resnext() -> ResNet:
    return ResNet(Bottleneck, [1, 1, 1], groups=4, width_per_group=4)


def wide() -> ResNet:
    return ResNet(Bottleneck, [1, 1, 1], width_per_group=128)


x = tf.randn(2, 3, 16, 16)
for make in (resnet18, resnet50, resnext, wide):
    net = make()
    print(make.__name__, net(x).shape)
dil = ResNet(Bottleneck, [1, 1, 1], replace_stride_with_dilation=[False, True, True])
print(dil(x).shape, Dense(10, 2)(resnet50()(x)).shape)
