"""A U-Net written with loops over lists of layers (PyTorch ModuleList style); the input has 3 channels."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, ConvTranspose, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)


class UNet:
    def __init__(self) -> None:
        self.downs = [Conv((3, 3), 1, 8, relu, pad=1), Conv((3, 3), 8, 16, relu, pad=1)]
        self.pool = MaxPool((2, 2))
        self.mid = Conv((3, 3), 16, 32, relu, pad=1)
        self.ups = [ConvTranspose((2, 2), 32, 16, stride=2), ConvTranspose((2, 2), 16, 8, stride=2)]
        self.decs = [Conv((3, 3), 32, 16, relu, pad=1), Conv((3, 3), 16, 8, relu, pad=1)]
        self.out = Conv((1, 1), 8, 2)

    @tf.shapecheck
    def __call__(self, x: Tensor[B, 1, 16, 16]) -> Tensor[B, 2, 16, 16]:
        skips = []
        h = x
        for down in self.downs:
            h = down(h)
            skips.append(h)
            h = self.pool(h)
        h = self.mid(h)
        for up, dec in zip(self.ups, self.decs):
            h = up(h)
            h = dec(tf.cat(h, skips.pop(), axis=1))
        return self.out(h)


net = UNet()
print(net(tf.randn(2, 3, 16, 16)).shape)  # BUG  # E: Argument "x" of "UNet.__call__" has shape Tensor[2, 3, 16, 16], which does not match the annotation Tensor[B, 1, 16, 16]: axis 1 is 3, expected 1  [shape]  # N: B=2
