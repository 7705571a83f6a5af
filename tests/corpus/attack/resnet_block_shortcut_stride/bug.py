"""A ResNet basic block written as a class: the first conv halves the map, the 1x1 shortcut
projects the channels but forgets the stride."""
from typing import TypeVar

import typedflux as tf
from typedflux import BatchNorm, Conv, Tensor, relu

B = TypeVar("B", bound=int)


class BasicBlock:
    def __init__(self) -> None:
        self.conv1 = Conv((3, 3), 64, 128, stride=2, pad=1)
        self.bn1 = BatchNorm(128, relu)
        self.conv2 = Conv((3, 3), 128, 128, pad=1)
        self.bn2 = BatchNorm(128)
        self.shortcut = Conv((1, 1), 64, 128)

    def __call__(self, x: Tensor[B, 64, 16, 16]) -> Tensor[B, 128, 8, 8]:
        out = self.bn2(self.conv2(self.bn1(self.conv1(x))))
        return relu(out + self.shortcut(x))  # BUG  # E: Cannot broadcast for "add": x has Tensor[B, 128, 8, 8], y has Tensor[B, 128, 16, 16]; need equal sizes or 1 at axis -2 (8 vs 16)  [shape]


block = BasicBlock()
print(block(tf.randn(2, 64, 16, 16)).shape)
