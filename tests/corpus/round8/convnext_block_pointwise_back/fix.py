"""A ConvNeXt block as a class: depthwise 7x7, channels-last LayerNorm and an inverted
MLP; the second pointwise layer does not project back to the block's width."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Conv, Dense, LayerNorm, Tensor, gelu

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)
DIM: Final = 32


class ConvNeXtBlock:
    def __init__(self) -> None:
        self.dwconv = Conv((7, 7), DIM, DIM, pad=3, groups=DIM)
        self.norm = LayerNorm(DIM)
        self.pwconv1 = Dense(DIM, 4 * DIM, gelu)
        self.pwconv2 = Dense(4 * DIM, DIM)

    def __call__(self, x: Tensor[B, DIM, H, W]) -> Tensor[B, DIM, H, W]:
        h = tf.rearrange(self.dwconv(x), "b c h w -> b h w c")
        h = self.pwconv2(self.pwconv1(self.norm(h)))
        return x + tf.rearrange(h, "b h w c -> b c h w")


print(ConvNeXtBlock()(tf.randn(2, DIM, 8, 8)).shape)
