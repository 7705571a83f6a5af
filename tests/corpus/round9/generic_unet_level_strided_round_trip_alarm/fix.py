"""A generic U-Net level over any height and width: a strided conv down, a transposed conv
back up, concatenated with the input; the fuse conv after the concat was sized for the
input's channels, not the concat's 16. The concat itself is correct for every even height
and width (the level runs at 16x16): undecided, not reported, its axes unknown."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, ConvTranspose, Tensor, relu

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)
down = Conv((3, 3), 8, 8, relu, stride=2, pad=1)
up = ConvTranspose((4, 4), 8, 8, stride=2, pad=1)
fuse = Conv((3, 3), 16, 8, relu, pad=1)


@tf.shapecheck
def level(x: Tensor[B, 8, H, W]) -> Tensor[B, 8, H, W]:
    skip = tf.cat(up(down(x)), x, axis=1)
    return fuse(skip)


print(level(tf.randn(1, 8, 16, 16)).shape)
