"""Size-preserving and size-doubling layer settings under symbolic annotations."""
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import (AdaptiveMeanPool, BatchNorm, Bilinear, Conv, ConvTranspose, GroupNorm, GRU,
                       InstanceNorm, LSTM, MaxPool, MeanPool, PixelShuffle, RNN, Tensor, Upsample)

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)
T = TypeVar("T", bound=int)

same_dil = Conv((3, 3), 8, 8, pad="same", dilation=2)
same_pad = Conv((5, 5), 8, 8, pad=2)
dil_pad = Conv((3, 3), 8, 8, pad=2, dilation=2)
up4 = ConvTranspose((4, 4), 8, 8, stride=2, pad=1)
up3 = ConvTranspose((3, 3), 8, 8, stride=2, pad=1, outpad=1)
pool_same = MaxPool((3, 3), stride=1, pad=1)
ps = PixelShuffle(2)
gn, inn, bn = GroupNorm(8, 4), InstanceNorm(8), BatchNorm(8)
sep = Conv((1, 7), 8, 8, pad=(0, 3))


@tf.shapecheck
def keep(x: Tensor[B, 8, H, W]) -> Tensor[B, 8, H, W]:
    return sep(gn(inn(bn(pool_same(dil_pad(same_pad(same_dil(x))))))))


@tf.shapecheck
def double(x: Tensor[B, 8, H, W]) -> Tensor[B, 8, "2*H", "2*W"]:
    return up3(x) + up4(x) + Upsample(2)(x) + ps(tf.cat(x, x, x, x, axis=1))[:, :8]


@tf.shapecheck
def halve(x: Tensor[B, 8, "2*H", "2*W"]) -> Tensor[B, 8, H, W]:
    return MeanPool((2, 2))(x) + Conv((3, 3), 8, 8, stride=2, pad=1)(x)


@tf.shapecheck
def pooled(x: Tensor[B, 8, H, W]) -> Tensor[B, 8, 1, 1]:
    return AdaptiveMeanPool((1, 1))(x)


rnn, lstm, gru = RNN(4, 6, return_state=True), LSTM(4, 6), GRU(4, 6)
bil = Bilinear(6, 4, 3)


@tf.shapecheck
def seq(x: Tensor[B, T, 4]) -> Tuple[Tensor[B, T, 6], Tensor[B, 6]]:
    y, h = rnn(x)
    z = lstm(x, (h, h)) + gru(x, tf.zeros(6))
    return y + z, h


@tf.shapecheck
def pair(a: Tensor[B, 6], b: Tensor[B, 4]) -> Tensor[B, 3]:
    return bil(a, b)


x = tf.randn(2, 8, 6, 6)
print(keep(x).shape, double(x).shape, halve(x).shape, pooled(x).shape)
print(seq(tf.randn(2, 3, 4))[0].shape, pair(tf.randn(2, 6), tf.randn(2, 4)).shape)
