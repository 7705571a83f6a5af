"""torchvision's dilation path and DenseNet's growing width: _make_layer with
`previous_dilation = self.dilation; if dilate: self.dilation *= stride; stride = 1`, and a
DenseNet-style method that grows `self.num_features += growth_rate` in a loop, the transition
halving it with //=. Correct; runs."""
from typing import List

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Tensor, relu


class Block:
    expansion = 1

    def __init__(self, inplanes: int, planes: int, stride: int = 1, dilation: int = 1) -> None:
        self.conv = Conv((3, 3), inplanes, planes, stride=stride, pad=dilation, dilation=dilation)
        self.bn = BatchNorm(planes)
        self.proj = Conv((1, 1), inplanes, planes, stride=stride) if inplanes != planes or stride != 1 else None

    def __call__(self, x: Tensor) -> Tensor:
        idt = x if self.proj is None else self.proj(x)
        return relu(self.bn(self.conv(x)) + idt)


class DilatedResNet:
    def __init__(self, replace_stride_with_dilation: List[bool]) -> None:
        self.inplanes = 8
        self.dilation = 1
        self.stem = Conv((3, 3), 3, 8, pad=1)
        self.layer1 = self._make_layer(8, 1)
        self.layer2 = self._make_layer(16, 1, stride=2, dilate=replace_stride_with_dilation[0])
        self.layer3 = self._make_layer(24, 1, stride=2, dilate=replace_stride_with_dilation[1])
        self.fc = Dense(24, 3)

    def _make_layer(self, planes: int, blocks: int, stride: int = 1, dilate: bool = False) -> Chain:
        previous_dilation = self.dilation
        if dilate:
            self.dilation *= stride
            stride = 1
        layers = [Block(self.inplanes, planes, stride, previous_dilation)]
        self.inplanes = planes
        for _ in range(1, blocks):
            layers.append(Block(self.inplanes, planes, dilation=self.dilation))
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        x = self.layer3(self.layer2(self.layer1(self.stem(x))))
        return self.fc(x.mean(axis=(2, 3)))


class DenseLayer:
    def __init__(self, cin: int, growth: int) -> None:
        self.conv = Conv((3, 3), cin, growth, pad=1)

    def __call__(self, x: Tensor) -> Tensor:
        return tf.cat(x, relu(self.conv(x)), axis=1)


class DenseNet:
    def __init__(self, growth_rate: int = 4, block_config: List[int] = [2, 2]) -> None:
        self.num_features = 8
        self.stem = Conv((3, 3), 3, 8, pad=1)
        stages = []
        for i, n in enumerate(block_config):
            stages.append(self._dense_block(n, growth_rate))
            if i != len(block_config) - 1:
                stages.append(self._transition())
        self.features = Chain(*stages)
        self.classifier = Dense(self.num_features, 5)

    def _dense_block(self, n: int, growth: int) -> Chain:
        layers = []
        for _ in range(n):
            layers.append(DenseLayer(self.num_features, growth))
            self.num_features += growth
        return Chain(*layers)

    def _transition(self) -> Chain:
        cin = self.num_features
        self.num_features //= 2
        return Chain(Conv((1, 1), cin, self.num_features), tf.MeanPool((2, 2)))

    def __call__(self, x: Tensor) -> Tensor:
        return self.classifier(self.features(self.stem(x)).mean(axis=(2, 3)))


img = tf.randn(2, 3, 16, 16)
print(DilatedResNet([False, True])(img).shape, DilatedResNet([True, True])(img).shape)
print(DenseNet()(img).shape)
print(Dense(5, 1)(DenseNet(2, [1, 3])(img)).shape)
