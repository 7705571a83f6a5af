"""kuangliu/pytorch-cifar's PreActResNet block: the shortcut exists only when the stride or width
changes (bound under an if), and forward picks it with hasattr(self, "shortcut"); it is taken
from the pre-activated input, and must project to the block's planes."""
from __future__ import annotations

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Tensor, relu


class PreActBlock:
    expansion = 1

    def __init__(self, in_planes: int, planes: int, stride: int = 1) -> None:
        self.bn1 = BatchNorm(in_planes)
        self.conv1 = Conv((3, 3), in_planes, planes, stride=stride, pad=1, bias=False)
        self.bn2 = BatchNorm(planes)
        self.conv2 = Conv((3, 3), planes, planes, pad=1, bias=False)
        if stride != 1 or in_planes != self.expansion * planes:
            self.shortcut = Chain(
                Conv((1, 1), in_planes, in_planes, stride=stride, bias=False)
            )

    def __call__(self, x: Tensor) -> Tensor:
        out = relu(self.bn1(x))
        shortcut = self.shortcut(out) if hasattr(self, "shortcut") else x
        out = self.conv1(out)
        out = self.conv2(relu(self.bn2(out)))
        return out + shortcut


stem = Conv((3, 3), 3, 8, pad=1)
block1 = PreActBlock(8, 8)
block2 = PreActBlock(8, 16, 2)
head = Dense(16, 10)
x = stem(tf.randn(2, 3, 8, 8))
h = block2(block1(x))  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 16, 4, 4], y has Tensor[2, 8, 4, 4]; need equal sizes or 1 at axis -3 (16 vs 8)  [shape]
logits = head(h.mean(axis=(2, 3)))
print(logits.shape)
