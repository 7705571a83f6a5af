"""rigid sums: (H + 1)//2 (a stride-2 conv, pad 1) vs H//2 (a pool) meet in an add, a cat
and a layer input; correct for every even H. Also 2*((H+1)//2) vs H in a U-Net skip crop-free
join. Each runs for even sizes."""
from typing import TypeVar

import typedflux as tf
from typedflux import Conv, MaxPool, Tensor, Upsample

H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


def two_paths(x: Tensor[2, 4, H, W]) -> Tensor:
    a = Conv((3, 3), 4, 4, stride=2, pad=1)(x)
    b = MaxPool((2, 2))(x)
    return a + b


def joined(x: Tensor[2, 4, H, W]) -> Tensor:
    a = Conv((3, 3), 4, 4, stride=2, pad=1)(x)
    b = MaxPool((2, 2))(x)
    return tf.cat(a, b, axis=1)


def unet_skip(x: Tensor[2, 4, H, W]) -> Tensor:
    down = Conv((3, 3), 4, 8, stride=2, pad=1)(x)
    up = Upsample(scale=2)(down)
    return tf.cat(up, x, axis=1)


class Block:
    def __init__(self) -> None:
        self.conv = Conv((3, 3), 4, 4, stride=2, pad=1)
        self.pool = MaxPool((2, 2))

    def __call__(self, x: Tensor) -> Tensor:
        return self.conv(x) + self.pool(x)


print(two_paths(tf.randn(2, 4, 8, 6)).shape)
print(joined(tf.randn(2, 4, 8, 6)).shape)
print(unet_skip(tf.randn(2, 4, 8, 6)).shape)
print(Block()(tf.randn(2, 4, 8, 6)).shape)
