"""A two-level U-Net: the decoder conv after the skip concatenation expects too few channels."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Conv, ConvTranspose, MaxPool, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
D = TypeVar("D", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


def cat_channels(up: Tensor[B, C, H, W], skip: Tensor[B, D, H, W]) -> Tensor[B, "C + D", H, W]:
    return tf.cat(up, skip, axis=1)


inner = SkipConnection(
    Chain(MaxPool((2, 2)), Conv((3, 3), 16, 32, relu, pad=1), ConvTranspose((2, 2), 32, 16, stride=2)),
    cat_channels,
)
outer = SkipConnection(
    Chain(
        MaxPool((2, 2)),
        Conv((3, 3), 8, 16, relu, pad=1),
        inner,
        Conv((3, 3), 16, 16, relu, pad=1),  # BUG  # E: Chain layer 4 Conv((3, 3), 16 => 16, relu, pad=1) expects input Tensor[B, 16, H, W], but layer 3 SkipConnection(Chain(MaxPool((2, 2)), Conv((3, 3), 16 => 32, relu, pad=1), ConvTranspose((2, 2), 32 => 16, stride=2)), cat_channels) produces Tensor[B, 32, 2*(H'//2), 2*(W'//2)]; change Conv((3, 3), 16 => 16, relu, pad=1) to Conv((3, 3), 32 => 16, relu, pad=1)  [shape]
        ConvTranspose((2, 2), 16, 8, stride=2),
    ),
    cat_channels,
)
unet = Chain(Conv((3, 3), 1, 8, relu, pad=1), outer, Conv((1, 1), 16, 2))
print(unet(tf.randn(1, 1, 8, 8)).shape)
