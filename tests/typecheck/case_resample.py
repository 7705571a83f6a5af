"""Upsample, PixelShuffle and Bilinear: sizes that cannot work are reported where the layer
is called (or built); concrete and symbolic, each with a version that is clean."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)
K = TypeVar("K", bound=int)

img = tf.zeros(2, 8, 4, 6)
reveal_type(tf.Upsample(2)(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8], Literal[8], Literal[12]]"
reveal_type(tf.Upsample((1, 3), mode="bilinear")(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8], Literal[4], Literal[18]]"
reveal_type(tf.Upsample(size=(8, 18))(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8], Literal[8], Literal[18]]"
reveal_type(tf.Upsample(mode="bilinear", size=(5, 7))(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8], Literal[5], Literal[7]]"
not_multiple = tf.Upsample(size=(5, 7))(img)  # E: Cannot fit the input of "Upsample(size=(5, 7))": x has Tensor[2, 8, 4, 6]; need the output size at axis 2 a multiple of the input size for "nearest" (5 % 4 = 1)  [shape]
no_size = tf.Upsample()  # E: Invalid arguments for "Upsample": scale = None, size = None; need exactly one of scale and size  [shape]
zero_scale = tf.Upsample(0)  # E: Invalid argument for "Upsample": scale = 0; need an int >= 1 or a pair of them  [shape]
flat = tf.Upsample(2)(tf.zeros(2, 8))  # E: Upsample(scale=2) expects input Tensor[B, C, H, W], got Tensor[2, 8]; need rank 4 (got 2)  [shape]

reveal_type(tf.PixelShuffle(2)(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[2], Literal[8], Literal[12]]"
three = tf.PixelShuffle(3)(img)  # E: Cannot fit the input of "PixelShuffle(3)": x has Tensor[2, 8, 4, 6]; need the size at axis 1 divisible by r^2 = 9 (8 % 9 = 8)  [shape]
superres = tf.Chain(tf.Conv((3, 3), 3, 12, pad=1), tf.PixelShuffle(2))
reveal_type(superres(tf.zeros(1, 3, 16, 16)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[1], Literal[3], Literal[32], Literal[32]]"
superres_bad = tf.Chain(tf.Conv((3, 3), 3, 6, pad=1), tf.PixelShuffle(2))  # E: Chain layer 2 PixelShuffle(2): Cannot fit the input of "PixelShuffle(2)": x has Tensor[B, 6, H', W']; need the size at axis 1 divisible by r^2 = 4 (6 % 4 = 2)  [shape]  # N: input to layer 2: Tensor[B, 6, H', W']

x5, y3 = tf.zeros(4, 5), tf.zeros(4, 3)
reveal_type(tf.Bilinear(5, 3, 7)(x5, y3))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[7]]"
reveal_type(tf.Bilinear(5, 5, 2)(x5))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[2]]"
swapped = tf.Bilinear(5, 3, 7)(y3, x5)  # E: Bilinear((5, 3) => 7) expects input Tensor[..., 5], got Tensor[4, 3]; need size 5 at axis -1 (got 3)  [shape]
second = tf.Bilinear(5, 4, 7)(x5, y3)  # E: Bilinear((5, 4) => 7) expects inputs Tensor[..., 5] and Tensor[..., 4], got Tensor[4, 5] and Tensor[4, 3]; need size 4 at axis -1 of y (got 3)  [shape]
batches = tf.Bilinear(5, 3, 7)(x5, tf.zeros(2, 3))  # E: Sizes differ for "Bilinear((5, 3) => 7)": x has Tensor[4, 5], y has Tensor[2, 3]; need the same leading dims ((4) vs (2))  [shape]


# Symbolic: the channels of a pixel shuffle's input are 4*K, so it gives K channels at twice
# the size (4*K + 2 channels are provably not divisible by 4: see PixelShuffleConfig).
def shuffle(x: Tensor[B, "4*K", H, W]) -> Tensor[B, K, "2*H", "2*W"]:
    return tf.PixelShuffle(2)(x)


def shuffle_wrong(x: Tensor[B, 6, H, W]) -> None:
    tf.PixelShuffle(2)(x)  # E: Cannot fit the input of "PixelShuffle(2)": x has Tensor[B, 6, H, W]; need the size at axis 1 divisible by r^2 = 4 (6 % 4 = 2)  [shape]


def upsample(x: Tensor[B, C, H, W]) -> Tensor[B, C, "2*H", "3*W"]:
    return tf.Upsample((2, 3))(x)


def upsample_wrong(x: Tensor[B, C, 3, W]) -> None:
    tf.Upsample(size=(7, 7))(x)  # E: Cannot fit the input of "Upsample(size=(7, 7))": x has Tensor[B, C, 3, W]; need the output size at axis 2 a multiple of the input size for "nearest" (7 % 3 = 1)  [shape]


def fuse(x: Tensor[B, 16], y: Tensor[B, 8]) -> Tensor[B, 4]:
    return tf.Bilinear(16, 8, 4)(x, y)


shuffle(tf.ones(2, 8, 3, 3))
shuffle_wrong(tf.ones(2, 6, 3, 3))
upsample(tf.ones(2, 3, 4, 5))
upsample_wrong(tf.ones(2, 3, 3, 5))
fuse(tf.ones(3, 16), tf.ones(3, 8))
