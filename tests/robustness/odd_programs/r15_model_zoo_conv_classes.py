"""Model-zoo conv blocks written in classes: ConvNeXt, ShuffleNet shuffle, SqueezeNet fire,
SE, with config dataclasses and helper functions."""
from dataclasses import dataclass
from typing import List, Sequence, TypeVar

import typedflux as tf
from typedflux import (BatchNorm, Chain, Conv, Dense, GlobalMeanPool, LayerNorm, MaxPool,
                       Tensor, relu, gelu, Flatten, SkipConnection, Parallel)

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


class ConvNeXtBlock:
    def __init__(self, dim: int, layer_scale: float = 1e-6) -> None:
        self.dwconv = Conv((7, 7), dim, dim, pad=3, groups=dim)
        self.norm = LayerNorm(dim)
        self.pwconv1 = Dense(dim, 4 * dim, gelu)
        self.pwconv2 = Dense(4 * dim, dim)
        self.gamma = tf.ones(dim) * layer_scale

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        inp = x
        x = self.dwconv(x)
        x = x.transpose(0, 2, 3, 1)
        x = self.norm(x)
        x = self.pwconv2(self.pwconv1(x))
        x = self.gamma * x
        x = x.transpose(0, 3, 1, 2)
        return inp + x


def channel_shuffle(x: Tensor[B, C, H, W], groups: int) -> Tensor[B, C, H, W]:
    b, c, h, w = x.shape
    x = x.reshape(b, groups, c // groups, h, w)
    x = x.transpose(0, 2, 1, 3, 4)
    return x.reshape(b, c, h, w)


class Fire:
    def __init__(self, cin: int, squeeze: int, e1: int, e3: int) -> None:
        self.squeeze = Conv((1, 1), cin, squeeze, relu)
        self.e1 = Conv((1, 1), squeeze, e1, relu)
        self.e3 = Conv((3, 3), squeeze, e3, relu, pad=1)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        s = self.squeeze(x)
        return tf.cat(self.e1(s), self.e3(s), axis=1)


class SE:
    def __init__(self, ch: int, r: int = 4) -> None:
        self.fc1 = Dense(ch, ch // r, relu)
        self.fc2 = Dense(ch // r, ch, tf.sigmoid)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        s = x.mean(axis=(2, 3))
        s = self.fc2(self.fc1(s))
        return x * s.reshape(s.shape[0], s.shape[1], 1, 1)


@dataclass
class NetCfg:
    widths: Sequence[int] = (16, 32)
    classes: int = 10


class Net:
    def __init__(self, cfg: NetCfg) -> None:
        self.stem = Conv((4, 4), 3, cfg.widths[0], stride=4)
        self.stages: List[ConvNeXtBlock] = [ConvNeXtBlock(w) for w in cfg.widths[:1]]
        self.down = Chain(BatchNorm(cfg.widths[0]), Conv((2, 2), cfg.widths[0], cfg.widths[1], stride=2))
        self.fire = Fire(cfg.widths[1], 8, 16, 16)
        self.se = SE(32)
        self.head = Chain(GlobalMeanPool(), Flatten(), Dense(32, cfg.classes))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        x = self.stem(x)
        for st in self.stages:
            x = st(x)
        x = self.down(x)
        x = channel_shuffle(self.fire(x), 4)
        x = self.se(x)
        return self.head(x)


net = Net(NetCfg())
img = tf.randn(2, 3, 32, 32)
print(net(img).shape)
print(channel_shuffle(tf.randn(1, 8, 4, 4), 2).shape)
blk = ConvNeXtBlock(8)
print(blk(tf.randn(1, 8, 5, 5)).shape)
sq = Chain(Conv((3, 3), 3, 16, relu, stride=2), MaxPool((2, 2)),
           SkipConnection(Chain(Conv((1, 1), 16, 4, relu),
                                Parallel(lambda a, b: tf.cat(a, b, axis=1),
                                         Conv((1, 1), 4, 8, relu), Conv((3, 3), 4, 8, relu, pad=1))),
                          tf.add))
print(sq(img).shape)
