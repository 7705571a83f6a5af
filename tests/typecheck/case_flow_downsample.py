"""torchvision's ResNet: a downsample Chain built in ``_make_layer`` and handed to a block.

torchvision builds each stage in ``_make_layer``: a ``downsample`` Chain when the stride or
the width changes (``None`` otherwise), handed to the first block, which stores it and adds
``self.downsample(x)`` (or ``x``) to its output::

    downsample = None
    if stride != 1 or self.inplanes != planes * block.expansion:
        downsample = Chain(Conv((1, 1), self.inplanes, planes * block.expansion, stride=stride),
                           BatchNorm(planes * block.expansion))
    layers = [block(self.inplanes, planes, stride, downsample)]

A construction's run reads ``block.expansion`` of the class it was given and
``Bottleneck.expansion`` of a class named directly as their class bodies bind them, and a
``downsample`` left ``None`` as ``None``: a downsample Chain that cannot compose is reported
where the model is built (the run time raises there, building it), and the stages' widths
reach the model's head. Each with its fix; the same lines fail at run time with the same
words.
"""

from typing import List, Optional, Type

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Flatten, AdaptiveMeanPool, Tensor, relu


class Bottleneck:
    expansion = 4

    def __init__(self, inplanes: int, planes: int, stride: int = 1,
                 downsample: Optional[Chain] = None) -> None:
        self.conv1 = Conv((1, 1), inplanes, planes)
        self.conv2 = Conv((3, 3), planes, planes, stride=stride, pad=1)
        self.conv3 = Conv((1, 1), planes, planes * self.expansion)
        self.downsample = downsample

    def __call__(self, x: Tensor) -> Tensor:
        identity = x
        out = self.conv3(relu(self.conv2(relu(self.conv1(x)))))
        if self.downsample is not None:
            identity = self.downsample(x)
        return relu(out + identity)


class Wrong:
    """The downsample projects to ``planes``, not ``planes * block.expansion``."""

    def __init__(self, block: Type[Bottleneck]) -> None:
        self.inplanes = 8
        self.layer1 = self._make_layer(block, 8, 1)

    def _make_layer(self, block: Type[Bottleneck], planes: int, stride: int) -> Chain:
        downsample = None
        if stride != 1 or self.inplanes != planes * block.expansion:
            downsample = Chain(
                Conv((1, 1), self.inplanes, planes, stride=stride),
                BatchNorm(planes * block.expansion),
            )
        layers = [block(self.inplanes, planes, stride, downsample)]
        self.inplanes = planes * block.expansion
        return Chain(*layers)


class Right(Wrong):
    def _make_layer(self, block: Type[Bottleneck], planes: int, stride: int) -> Chain:
        downsample = None
        if stride != 1 or self.inplanes != planes * block.expansion:
            downsample = Chain(
                Conv((1, 1), self.inplanes, planes * block.expansion, stride=stride),
                BatchNorm(planes * block.expansion),
            )
        layers = [block(self.inplanes, planes, stride, downsample)]
        self.inplanes = planes * block.expansion
        return Chain(*layers)


wrong = Wrong(Bottleneck)  # E: Chain layer 2 BatchNorm(32) expects input Tensor[B, 32, ...], but layer 1 Conv((1, 1), 8 => 8) produces Tensor[B, 8, H', W']; change BatchNorm(32) to BatchNorm(8)  [shape]
right = Right(Bottleneck)
y: Tensor[2, 32, 8, 8] = right.layer1(tf.randn(2, 8, 8, 8))


class BasicBlock:
    expansion = 1

    def __init__(self, inplanes: int, planes: int, stride: int = 1,
                 downsample: Optional[Chain] = None) -> None:
        self.conv1 = Conv((3, 3), inplanes, planes, stride=stride, pad=1)
        self.conv2 = Conv((3, 3), planes, planes, pad=1)
        self.downsample = downsample

    def __call__(self, x: Tensor) -> Tensor:
        identity = x
        out = self.conv2(relu(self.conv1(x)))
        if self.downsample is not None:
            identity = self.downsample(x)
        return relu(out + identity)


class ResNet:
    """torchvision's ResNet-18 layout: the class named in ``_make_layer``, the head's width
    written ``width * BasicBlock.expansion``."""

    def __init__(self, head: int) -> None:
        self.inplanes = 8
        self.layer1 = self._make_layer(8, 1)
        self.layer2 = self._make_layer(16, 2)
        self.pool = AdaptiveMeanPool((1, 1))
        self.fc = Dense(head * BasicBlock.expansion, 10)

    def _make_layer(self, planes: int, stride: int) -> Chain:
        downsample = None
        if stride != 1 or self.inplanes != planes * BasicBlock.expansion:
            downsample = Chain(
                Conv((1, 1), self.inplanes, planes * BasicBlock.expansion, stride=stride),
                BatchNorm(planes * BasicBlock.expansion),
            )
        layers = [BasicBlock(self.inplanes, planes, stride, downsample)]
        self.inplanes = planes * BasicBlock.expansion
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        h = self.layer2(self.layer1(x))
        return self.fc(Flatten()(self.pool(h)))


images = tf.randn(2, 3, 8, 8)
stem = Conv((3, 3), 3, 8, pad=1)
ResNet(8)(stem(images))  # E: Dense(8 => 10) expects input Tensor[..., 8], got Tensor[2, 16]; need size 8 at axis -1 (got 16)  [shape]
z: Tensor[2, 10] = ResNet(16)(stem(images))
