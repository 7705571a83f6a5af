# mypy: allow-redefinition
"""A loop over a known list of layers or blocks, run item by item (flow_loops.py).

A diffusion U-Net applies a list of residual blocks, each taking the time embedding (``for blk
in blocks: x = blk(x, t)``); its decoder pops the skips its encoder pushed (``skips.pop()``).
mypy checks the loop's body once, with ``blk`` a block of no known sizes and the popped skip a
tensor of no known shape. The body is run once per item of the list, from what the scope's
run holds before the loop, so a block or a skip that does not fit is reported on its line in
the body (the first iteration that fails, as the program stops there). A statement reading a
name the run does not know, or a list read any other way, is not typed: silent. Each with its
fix, concrete and symbolic; the same lines fail at run time with the same words.
"""

from typing import List, TypeVar

import typedflux as tf
from typedflux import Conv, Dense, MaxPool, Tensor, Upsample, relu, swish

B = TypeVar("B", bound=int)


class ResBlock:
    def __init__(self, cin: int, cout: int, tdim: int) -> None:
        self.conv = Conv((3, 3), cin, cout, swish, pad=1)
        self.temb = Dense(tdim, cout)

    def __call__(self, x: tf.Tensor, t: tf.Tensor) -> tf.Tensor:
        return self.conv(x) + self.temb(t)[:, :, None, None]


blocks = [ResBlock(4, 8, 16), ResBlock(8, 8, 32)]
x = tf.randn(2, 4, 6, 6)
t = tf.randn(2, 16)
for blk in blocks:
    x = blk(x, t)  # E: Dense(32 => 8) expects input Tensor[..., 32], got Tensor[2, 16]; need size 32 at axis -1 (got 16)  [shape]

blocks_fixed = [ResBlock(4, 8, 16), ResBlock(8, 8, 16)]
y = tf.randn(2, 4, 6, 6)
for blk in blocks_fixed:
    y = blk(y, t)
y + tf.zeros(2, 8, 6, 6)

# The encoder pushes its features, the decoder pops them (the last pushed first).
downs = [Conv((3, 3), 3, 8, relu, pad=1), Conv((3, 3), 8, 16, relu, pad=1)]
ups = [Conv((3, 3), 16, 8, relu, pad=1), Conv((3, 3), 16, 8, relu, pad=1)]
ups_fixed = [Conv((3, 3), 32, 8, relu, pad=1), Conv((3, 3), 16, 8, relu, pad=1)]
pool, up = MaxPool((2, 2)), Upsample(2)
h = tf.randn(1, 3, 8, 8)
skips = []
for d in downs:
    h = d(h)
    skips.append(h)
    h = pool(h)
for u in ups:
    h = u(tf.concat([up(h), skips.pop()], axis=1))  # E: Conv((3, 3), 16 => 8, relu, pad=1) expects input Tensor[B, 16, H, W], got Tensor[1, 32, 4, 4]; need size 16 at axis 1 (got 32)  [shape]

g = tf.randn(1, 3, 8, 8)
saved = []
for d in downs:
    g = d(g)
    saved.append(g)
    g = pool(g)
for u in ups_fixed:
    g = u(tf.concat([up(g), saved.pop()], axis=1))
g + tf.zeros(1, 8, 8, 8)


def denoise(x: Tensor[B, 4, 6, 6], t: Tensor[B, 16]) -> Tensor[B, 8, 6, 6]:
    stages = [ResBlock(4, 8, 16), ResBlock(8, 8, 32)]
    for stage in stages:
        x = stage(x, t)  # E: Dense(32 => 8) expects input Tensor[..., 32], got Tensor[B, 16]; need size 32 at axis -1 (got 16)  [shape]
    return x


def denoise_fixed(x: Tensor[B, 4, 6, 6], t: Tensor[B, 16]) -> Tensor[B, 8, 6, 6]:
    stages = [ResBlock(4, 8, 16), ResBlock(8, 8, 16)]
    for stage in stages:
        x = stage(x, t)
    return x


def unet(x: Tensor[B, 3, 8, 8]) -> Tensor[B, 8, 8, 8]:
    encoder = [Conv((3, 3), 3, 8, relu, pad=1), Conv((3, 3), 8, 16, relu, pad=1)]
    decoder = [Conv((3, 3), 16, 8, relu, pad=1), Conv((3, 3), 16, 8, relu, pad=1)]
    feats: List[Tensor] = []
    for e in encoder:
        x = e(x)
        feats.append(x)
        x = pool(x)
    for dec in decoder:
        x = dec(tf.concat([up(x), feats.pop()], axis=1))  # E: Conv((3, 3), 16 => 8, relu, pad=1) expects input Tensor[B, 16, H, W], got Tensor[B, 32, 4, 4]; need size 16 at axis 1 (got 32)  [shape]
    return x


def unet_fixed(x: Tensor[B, 3, 8, 8]) -> Tensor[B, 8, 8, 8]:
    encoder = [Conv((3, 3), 3, 8, relu, pad=1), Conv((3, 3), 8, 16, relu, pad=1)]
    decoder = [Conv((3, 3), 32, 8, relu, pad=1), Conv((3, 3), 16, 8, relu, pad=1)]
    feats: List[Tensor] = []
    for e in encoder:
        x = e(x)
        feats.append(x)
        x = pool(x)
    for dec in decoder:
        x = dec(tf.concat([up(x), feats.pop()], axis=1))
    return x


denoise(tf.randn(2, 4, 6, 6), tf.randn(2, 16))
denoise_fixed(tf.randn(2, 4, 6, 6), tf.randn(2, 16))
unet(tf.randn(1, 3, 8, 8))
unet_fixed(tf.randn(1, 3, 8, 8))

# Correct programs a loop not followed whole would be wrong about, so silent: a list a
# function changes before the loop, a list changed on a path that depends on data, a body
# with a condition.


def repair(xs: List[ResBlock]) -> None:
    xs[1] = ResBlock(8, 8, 16)


others = [ResBlock(4, 8, 16), ResBlock(8, 8, 32)]
repair(others)
z = tf.randn(2, 4, 6, 6)
for blk in others:
    z = blk(z, t)

n = len(tf.randn(3).numpy().nonzero()[0])
grown = [ResBlock(4, 8, 16), ResBlock(8, 8, 32)]
if n >= 0:
    grown.pop()
w = tf.randn(2, 4, 6, 6)
for blk in grown:
    w = blk(w, t)

kept = [ResBlock(4, 8, 16), ResBlock(8, 8, 32)]
v = tf.randn(2, 4, 6, 6)
for blk in kept:
    if v.shape[1] == 4:
        v = blk(v, t)
