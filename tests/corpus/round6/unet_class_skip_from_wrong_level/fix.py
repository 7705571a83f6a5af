"""A two-level U-Net class with typed __call__; the second decoder joins the first
encoder's map instead of the second's."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, ConvTranspose, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)


class UNet:
    def __init__(self) -> None:
        self.enc1 = Conv((3, 3), 1, 8, relu, pad=1)
        self.enc2 = Conv((3, 3), 8, 16, relu, pad=1)
        self.pool = MaxPool((2, 2))
        self.mid = Conv((3, 3), 16, 32, relu, pad=1)
        self.up2 = ConvTranspose((2, 2), 32, 16, stride=2)
        self.dec2 = Conv((3, 3), 32, 16, relu, pad=1)
        self.up1 = ConvTranspose((2, 2), 16, 8, stride=2)
        self.dec1 = Conv((3, 3), 16, 8, relu, pad=1)
        self.out = Conv((1, 1), 8, 2)

    def __call__(self, x: Tensor[B, 1, 16, 16]) -> Tensor[B, 2, 16, 16]:
        e1 = self.enc1(x)
        e2 = self.enc2(self.pool(e1))
        m = self.mid(self.pool(e2))
        d2 = self.dec2(tf.concat([self.up2(m), e2], axis=1))
        d1 = self.dec1(tf.concat([self.up1(d2), e1], axis=1))
        return self.out(d1)


print(UNet()(tf.randn(1, 1, 16, 16)).shape)
