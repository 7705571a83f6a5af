"""A ResNeXt bottleneck (Xie et al.) as torchvision writes it: width = cardinality *
bottleneck_width, a 1x1 reduce to width, a 3x3 grouped conv with groups=cardinality, a 1x1
expand, and a projection shortcut; two blocks stacked and a pooled classifier."""
from __future__ import annotations

import typedflux as tf
from typedflux import BatchNorm, Conv, Dense, Flatten, GlobalMeanPool, Tensor, relu


class ResNeXtBlock:
    def __init__(self, in_ch: int, out_ch: int, cardinality: int = 3, bottleneck_width: int = 4,
                 stride: int = 1) -> None:
        width = cardinality * bottleneck_width
        self.conv1 = Conv((1, 1), in_ch, width, bias=False)
        self.bn1 = BatchNorm(width)
        self.conv2 = Conv((3, 3), width, width, stride=stride, pad=1, groups=cardinality, bias=False)
        self.bn2 = BatchNorm(width)
        self.conv3 = Conv((1, 1), width, out_ch, bias=False)
        self.bn3 = BatchNorm(out_ch)
        self.shortcut = Conv((1, 1), in_ch, out_ch, stride=stride, bias=False)

    def __call__(self, x: Tensor) -> Tensor:
        out = relu(self.bn1(self.conv1(x)))
        out = relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        return relu(out + self.shortcut(x))


class ResNeXt:
    def __init__(self, num_classes: int = 10) -> None:
        self.stem = Conv((3, 3), 3, 16, pad=1)
        self.block1 = ResNeXtBlock(16, 32)
        self.block2 = ResNeXtBlock(32, 48, stride=2)
        self.pool = GlobalMeanPool()
        self.fc = Dense(48, num_classes)

    def __call__(self, x: Tensor) -> Tensor:
        h = self.block2(self.block1(relu(self.stem(x))))
        return self.fc(Flatten()(self.pool(h)))


model = ResNeXt()
logits = model(tf.randn(2, 3, 8, 8))
print(logits.shape)
