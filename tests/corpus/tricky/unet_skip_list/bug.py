"""A U-Net keeps its skip connections in a list (append on the way down, pop on the way up);
the output conv expects the wrong number of channels."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, ConvTranspose, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)


class UNet:
    def __init__(self) -> None:
        self.down1 = Conv((3, 3), 1, 8, relu, pad=1)
        self.down2 = Conv((3, 3), 8, 16, relu, pad=1)
        self.pool = MaxPool((2, 2))
        self.mid = Conv((3, 3), 16, 32, relu, pad=1)
        self.up2 = ConvTranspose((2, 2), 32, 16, stride=2)
        self.dec2 = Conv((3, 3), 32, 16, relu, pad=1)
        self.up1 = ConvTranspose((2, 2), 16, 8, stride=2)
        self.dec1 = Conv((3, 3), 16, 8, relu, pad=1)
        self.out = Conv((1, 1), 16, 2)

    def __call__(self, x: Tensor[B, 1, 16, 16]) -> Tensor[B, 2, 16, 16]:
        skips = []
        h = self.down1(x)
        skips.append(h)
        h = self.down2(self.pool(h))
        skips.append(h)
        h = self.mid(self.pool(h))
        h = self.dec2(tf.cat(self.up2(h), skips.pop(), axis=1))
        h = self.dec1(tf.cat(self.up1(h), skips.pop(), axis=1))
        return self.out(h)  # BUG  # E: Conv((1, 1), 16 => 2) expects input Tensor[B, 16, H, W], got Tensor[B, 8, 16, 16]; need size 16 at axis 1 (got 8)  [shape]


print(UNet()(tf.randn(2, 1, 16, 16)).shape)
