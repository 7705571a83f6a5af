"""A tiny U-Net step as a class: the decoder conv expects only the upsampled channels."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, ConvTranspose, MaxPool, Tensor, relu

B = TypeVar("B", bound=int)


class TinyUNet:
    def __init__(self) -> None:
        self.enc = Conv((3, 3), 1, 8, relu, pad=1)
        self.down = Chain(MaxPool((2, 2)), Conv((3, 3), 8, 16, relu, pad=1))
        self.up = ConvTranspose((2, 2), 16, 8, stride=2)
        self.dec = Conv((3, 3), 16, 8, relu, pad=1)

    def __call__(self, x: Tensor[B, 1, 16, 16]) -> Tensor[B, 8, 16, 16]:
        e = self.enc(x)
        u = self.up(self.down(e))
        return self.dec(tf.cat(u, e, axis=1))


print(TinyUNet()(tf.randn(2, 1, 16, 16)).shape)
