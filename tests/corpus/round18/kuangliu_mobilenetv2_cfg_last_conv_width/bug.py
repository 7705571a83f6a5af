"""kuangliu/pytorch-cifar's MobileNetV2: a cfg list of (expansion, out_planes, num_blocks, stride)
read by _make_layers' nested loops; each Block binds self.shortcut twice (empty, then a
projection when stride is 1 and the width changes) and adds it only for stride 1; the last
1x1 conv must read the last cfg row's out_planes."""
from __future__ import annotations

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Tensor, relu


class Block:
    def __init__(self, in_planes: int, out_planes: int, expansion: int, stride: int) -> None:
        self.stride = stride
        planes = expansion * in_planes
        self.conv1 = Conv((1, 1), in_planes, planes, bias=False)
        self.bn1 = BatchNorm(planes)
        self.conv2 = Conv((3, 3), planes, planes, stride=stride, pad=1, groups=planes, bias=False)
        self.bn2 = BatchNorm(planes)
        self.conv3 = Conv((1, 1), planes, out_planes, bias=False)
        self.bn3 = BatchNorm(out_planes)
        self.shortcut: Chain = Chain()
        if stride == 1 and in_planes != out_planes:
            self.shortcut = Chain(Conv((1, 1), in_planes, out_planes, bias=False), BatchNorm(out_planes))

    def __call__(self, x: Tensor) -> Tensor:
        out = relu(self.bn1(self.conv1(x)))
        out = relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        out = out + self.shortcut(x) if self.stride == 1 else out
        return out


class MobileNetV2:
    cfg = [(1, 8, 1, 1), (2, 12, 2, 2), (2, 16, 1, 1)]

    def __init__(self, num_classes: int = 10) -> None:
        self.conv1 = Conv((3, 3), 3, 8, pad=1, bias=False)
        self.bn1 = BatchNorm(8)
        self.layers = self._make_layers(in_planes=8)
        self.conv2 = Conv((1, 1), 12, 32, bias=False)
        self.bn2 = BatchNorm(32)
        self.linear = Dense(32, num_classes)

    def _make_layers(self, in_planes: int) -> Chain:
        layers = []
        for expansion, out_planes, num_blocks, stride in self.cfg:
            strides = [stride] + [1] * (num_blocks - 1)
            for s in strides:
                layers.append(Block(in_planes, out_planes, expansion, s))
                in_planes = out_planes
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        out = relu(self.bn1(self.conv1(x)))
        out = self.layers(out)
        out = relu(self.bn2(self.conv2(out)))
        return self.linear(out.mean(axis=(2, 3)))


model = MobileNetV2()
logits = model(tf.randn(2, 3, 8, 8))  # BUG  # E: Conv((1, 1), 12 => 32, bias=False) expects input Tensor[B, 12, H, W], got Tensor[2, 16, 4, 4]; need size 12 at axis 1 (got 16)  [shape]
print(logits.shape)
