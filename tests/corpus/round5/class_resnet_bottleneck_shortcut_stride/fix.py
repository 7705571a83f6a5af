"""A ResNet bottleneck block whose projection shortcut forgets the stride."""
from typing import TypeVar

import typedflux as tf
from typedflux import BatchNorm, Conv, Tensor, relu

B = TypeVar("B", bound=int)


class Bottleneck:
    def __init__(self) -> None:
        self.reduce = Conv((1, 1), 32, 16)
        self.bn1 = BatchNorm(16, relu)
        self.conv = Conv((3, 3), 16, 16, stride=2, pad=1)
        self.bn2 = BatchNorm(16, relu)
        self.expand = Conv((1, 1), 16, 64)
        self.shortcut = Conv((1, 1), 32, 64, stride=2)

    def __call__(self, x: Tensor[B, 32, 16, 16]) -> Tensor[B, 64, 8, 8]:
        h = self.expand(self.bn2(self.conv(self.bn1(self.reduce(x)))))
        return relu(h + self.shortcut(x))


block = Bottleneck()
print(block(tf.randn(2, 32, 16, 16)).shape)
