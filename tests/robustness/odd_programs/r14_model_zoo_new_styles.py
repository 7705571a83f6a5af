"""Model-zoo pieces as their papers' code writes them: MobileNetV3's bneck (SE, a hard-swish
function in a Chain, blocks from a config list of tuples), Swin's window partition and
reverse, MLP-Mixer blocks, FPN's lateral 1x1 convs and top-down upsampling, NeRF's positional
encoding in a loop, Set Transformer's pooling by attention with seeds."""
import math
from dataclasses import dataclass
from typing import List, Sequence, Tuple

import typedflux as tf
from typedflux import (BatchNorm, Chain, Conv, Dense, Dropout, LayerNorm, SkipConnection,
                       Tensor, Upsample, gelu, relu, sigmoid)


# MobileNetV3 bneck with SE, hard-swish approximated
def hswish(x: tf.Tensor) -> tf.Tensor:
    return x * tf.clamp(x + 3.0, min=0.0, max=6.0) / 6.0


class SE:
    def __init__(self, c: int, r: int = 4) -> None:
        self.fc1 = Dense(c, c // r, relu)
        self.fc2 = Dense(c // r, c, sigmoid)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        s = x.mean(axis=(2, 3))
        s = self.fc2(self.fc1(s))
        return x * s.reshape(s.shape[0], s.shape[1], 1, 1)


class Bneck:
    def __init__(self, cin: int, exp: int, cout: int, k: int, stride: int, use_se: bool) -> None:
        self.expand = Chain(Conv((1, 1), cin, exp, bias=False), BatchNorm(exp), hswish)
        self.dw = Chain(Conv((k, k), exp, exp, stride=stride, pad=k // 2, groups=exp, bias=False), BatchNorm(exp), hswish)
        self.se = SE(exp) if use_se else None
        self.project = Chain(Conv((1, 1), exp, cout, bias=False), BatchNorm(cout))
        self.residual = stride == 1 and cin == cout

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.dw(self.expand(x))
        if self.se is not None:
            h = self.se(h)
        h = self.project(h)
        return x + h if self.residual else h


CFG: List[Tuple[int, int, int, int, int, bool]] = [
    (16, 16, 16, 3, 2, True),
    (16, 72, 24, 3, 2, False),
    (24, 88, 24, 3, 1, False),
    (24, 96, 40, 5, 2, True),
]
stem = Chain(Conv((3, 3), 3, 16, stride=2, pad=1), BatchNorm(16), hswish)
blocks = [Bneck(*c) for c in CFG]
x = stem(tf.randn(2, 3, 64, 64))
for b in blocks:
    x = b(x)
head = Chain(tf.GlobalMeanPool(), tf.Flatten(), Dense(40, 10))
print(head(x).shape)


# Swin window partition / reverse
def window_partition(x: tf.Tensor, ws: int) -> tf.Tensor:
    B, H, W, C = x.shape
    x = x.reshape(B, H // ws, ws, W // ws, ws, C)
    return x.transpose(0, 1, 3, 2, 4, 5).reshape(-1, ws * ws, C)


def window_reverse(w: tf.Tensor, ws: int, H: int, W: int) -> tf.Tensor:
    C = w.shape[-1]
    B = w.shape[0] // ((H // ws) * (W // ws))
    x = w.reshape(B, H // ws, W // ws, ws, ws, C)
    return x.transpose(0, 1, 3, 2, 4, 5).reshape(B, H, W, C)


feat = tf.randn(2, 8, 8, 32)
win = window_partition(feat, 4)
attn = tf.MultiHeadAttention(32, 4)
win = attn(win)
back = window_reverse(win, 4, 8, 8)
print((back + feat).shape)


# MLP-Mixer
class MixerBlock:
    def __init__(self, tokens: int, ch: int) -> None:
        self.ln1 = LayerNorm(ch)
        self.tok = Chain(Dense(tokens, 2 * tokens, gelu), Dense(2 * tokens, tokens))
        self.ln2 = LayerNorm(ch)
        self.chn = Chain(Dense(ch, 4 * ch, gelu), Dense(4 * ch, ch))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        y = self.ln1(x).transpose(0, 2, 1)
        x = x + self.tok(y).transpose(0, 2, 1)
        return x + self.chn(self.ln2(x))


patches = tf.rearrange(tf.randn(2, 3, 32, 32), "b c (h p) (w q) -> b (h w) (p q c)", p=8, q=8)
emb = Dense(192, 64)(patches)
mixer = [MixerBlock(16, 64) for _ in range(2)]
for m in mixer:
    emb = m(emb)
print(Dense(64, 10)(emb.mean(axis=1)).shape)


# FPN top-down with lateral 1x1 convs
c3, c4, c5 = tf.randn(2, 64, 16, 16), tf.randn(2, 128, 8, 8), tf.randn(2, 256, 4, 4)
lat = [Conv((1, 1), c, 32) for c in (64, 128, 256)]
up = Upsample(scale=2)
p5 = lat[2](c5)
p4 = lat[1](c4) + up(p5)
p3 = lat[0](c3) + up(p4)
smooth = Conv((3, 3), 32, 32, pad=1)
print(smooth(p3).shape)


# NeRF positional encoding
def posenc(x: tf.Tensor, L: int) -> tf.Tensor:
    outs = [x]
    for i in range(L):
        outs.append(tf.sin((2.0 ** i) * math.pi * x))
        outs.append(tf.cos((2.0 ** i) * math.pi * x))
    return tf.cat(*outs, axis=-1)


pts = tf.randn(128, 3)
enc = posenc(pts, 6)
mlp = Chain(Dense(3 + 3 * 2 * 6, 64, relu), Dense(64, 4))
print(mlp(enc).shape)


# Deep Sets / Set Transformer pooling by attention with seeds
class PMA:
    def __init__(self, d: int, k: int) -> None:
        self.seed = tf.randn(1, k, d)
        self.mha = tf.MultiHeadAttention(d, 4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        s = tf.repeat(self.seed, x.shape[0], 1, 1)
        return self.mha(s, x, x)


sets = tf.randn(3, 10, 16)
print(PMA(16, 2)(sets).shape)
