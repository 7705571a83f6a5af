"""A ResNet basic block with conv/bn attributes; the shortcut is added without projection."""
from typing import TypeVar

import typedflux as tf
from typedflux import BatchNorm, Conv, Tensor, relu

B = TypeVar("B", bound=int)


class BasicBlock:
    def __init__(self) -> None:
        self.conv1 = Conv((3, 3), 16, 32, stride=2, pad=1)
        self.bn1 = BatchNorm(32, relu)
        self.conv2 = Conv((3, 3), 32, 32, pad=1)
        self.bn2 = BatchNorm(32)
        self.proj = Conv((1, 1), 16, 32, stride=2)

    def __call__(self, x: Tensor[B, 16, 8, 8]) -> Tensor[B, 32, 4, 4]:
        out = self.bn2(self.conv2(self.bn1(self.conv1(x))))
        return relu(out + self.proj(x))


block = BasicBlock()
print(block(tf.randn(2, 16, 8, 8)).shape)
