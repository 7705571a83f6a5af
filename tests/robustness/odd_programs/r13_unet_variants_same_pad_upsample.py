"""U-Nets the ways people write them: pad="same" convs, MaxPool down, Upsample (nearest and
bilinear) or ConvTranspose up, the skip cropped to the upsampled size, a size-argument
Upsample to the skip's size, a generic-in-H,W typed forward, a Chain-built encoder list,
and a training loop with a dice + BCE loss."""
from __future__ import annotations

from typing import List, Sequence, Tuple, TypeVar

import typedflux as tf
from typedflux import (BatchNorm, Chain, Conv, ConvTranspose, MaxPool, Tensor, Upsample,
                       relu, sigmoid)

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


def double_conv(cin: int, cout: int) -> Chain:
    return Chain(Conv((3, 3), cin, cout, pad="same"), BatchNorm(cout), tf.relu,
                 Conv((3, 3), cout, cout, pad="same"), BatchNorm(cout), tf.relu)


class Down:
    def __init__(self, cin: int, cout: int) -> None:
        self.pool = MaxPool((2, 2))
        self.conv = double_conv(cin, cout)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.conv(self.pool(x))


class UpNearest:
    """Upsample by 2 then crop the skip to the upsampled size (odd inputs)."""

    def __init__(self, cin: int, cout: int) -> None:
        self.up = Upsample(scale=2)
        self.reduce = Conv((1, 1), cin, cin // 2)
        self.conv = double_conv(cin, cout)

    def __call__(self, x: tf.Tensor, skip: tf.Tensor) -> tf.Tensor:
        x = self.reduce(self.up(x))
        h, w = x.shape[2], x.shape[3]
        skip = skip[:, :, :h, :w]
        return self.conv(tf.cat(skip, x, axis=1))


class UpToSize:
    """Upsample to the skip's size (bilinear), as F.interpolate(x, size=skip.shape[2:])."""

    def __init__(self, cin: int, cout: int) -> None:
        self.reduce = Conv((1, 1), cin, cin // 2)
        self.conv = double_conv(cin, cout)

    def __call__(self, x: tf.Tensor, skip: tf.Tensor) -> tf.Tensor:
        up = Upsample(size=(skip.shape[2], skip.shape[3]), mode="bilinear")
        x = self.reduce(up(x))
        return self.conv(tf.cat(skip, x, axis=1))


class UpTransposed:
    """ConvTranspose up, then pad x to the skip's size (the torch U-Net's diff padding)."""

    def __init__(self, cin: int, cout: int) -> None:
        self.up = ConvTranspose((2, 2), cin, cin // 2, stride=2)
        self.conv = double_conv(cin, cout)

    def __call__(self, x: tf.Tensor, skip: tf.Tensor) -> tf.Tensor:
        x = self.up(x)
        dy = skip.shape[2] - x.shape[2]
        dx = skip.shape[3] - x.shape[3]
        x = tf.pad(x, ((0, 0), (0, 0), (dy // 2, dy - dy // 2), (dx // 2, dx - dx // 2)))
        return self.conv(tf.cat(skip, x, axis=1))


class UNet:
    def __init__(self, cin: int = 3, classes: int = 2, base: int = 8, mode: str = "nearest") -> None:
        self.inc = double_conv(cin, base)
        self.downs = [Down(base, 2 * base), Down(2 * base, 4 * base)]
        if mode == "nearest":
            self.ups: Sequence[UpNearest | UpToSize | UpTransposed] = [
                UpNearest(4 * base, 2 * base), UpNearest(2 * base, base)]
        elif mode == "size":
            self.ups = [UpToSize(4 * base, 2 * base), UpToSize(2 * base, base)]
        else:
            self.ups = [UpTransposed(4 * base, 2 * base), UpTransposed(2 * base, base)]
        self.outc = Conv((1, 1), base, classes)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        skips: List[tf.Tensor] = []
        h = self.inc(x)
        for d in self.downs:
            skips.append(h)
            h = d(h)
        for u, s in zip(self.ups, reversed(skips)):
            h = u(h, s)
        return self.outc(h)


class TypedUNet:
    """Two levels, typed generic in H and W (even sizes: MaxPool then Upsample gives back H)."""

    def __init__(self) -> None:
        self.enc = double_conv(3, 8)
        self.pool = MaxPool((2, 2))
        self.mid = double_conv(8, 16)
        self.up = Upsample(scale=2)
        self.dec = double_conv(24, 8)
        self.out = Conv((1, 1), 8, 1, sigmoid)

    def __call__(self, x: Tensor[B, 3, H, W]) -> tf.Tensor:
        e = self.enc(x)
        m = self.up(self.mid(self.pool(e)))
        h, w = e.shape[2], e.shape[3]
        m = m[:, :, :h, :w]
        return self.out(self.dec(tf.cat(e, m, axis=1)))


def dice_bce(pred: tf.Tensor, target: tf.Tensor) -> tf.Tensor:
    return tf.losses.binarycrossentropy(pred, target) + tf.losses.dice_coeff_loss(pred, target)


def seg_loss(model: UNet, x: tf.Tensor, y: tf.Tensor) -> tf.Tensor:
    return tf.losses.logitcrossentropy(model(x).transpose(0, 2, 3, 1), y)


def main() -> None:
    for mode in ("nearest", "size", "transposed"):
        net = UNet(mode=mode)
        for size in (16, 17, 21):
            print(mode, size, net(tf.randn(1, 3, size, size)).shape)
    net = UNet()
    x = tf.randn(4, 3, 16, 16)
    y = tf.onehot([0, 1] * 512, 2).reshape(4, 16, 16, 2)
    state = tf.setup(tf.Adam(1e-3), net)
    for _ in range(1):
        loss, g = tf.withgradient(seg_loss, net, x, y)
        state, net = tf.update(state, net, g[0])
    typed = TypedUNet()
    p = typed(tf.randn(2, 3, 16, 12))
    print(p.shape, dice_bce(p, tf.ones(2, 1, 16, 12)).item() > 0)
    p2 = typed(tf.randn(2, 3, 14, 10))
    print(p2.shape)


main()
