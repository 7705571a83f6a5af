"""Model-zoo classes (the round16 names) written as practitioners do, called with known shapes."""
import math
from typing import List, Optional, Tuple

import numpy as np

import typedflux as tf
from typedflux import Chain, Conv, Dense, Embedding, LayerNorm, MultiHeadAttention, Tensor, gelu, relu, swish


class DiTBlock:
    def __init__(self, d: int, heads: int) -> None:
        self.norm1 = LayerNorm(d)
        self.attn = MultiHeadAttention(d, heads)
        self.norm2 = LayerNorm(d)
        self.mlp = Chain(Dense(d, 4 * d, gelu), Dense(4 * d, d))
        self.ada = Dense(d, 6 * d)

    def __call__(self, x, c):
        s1, g1, a1, s2, g2, a2 = tf.chunk(self.ada(swish(c)), 6, axis=-1)
        h = self.norm1(x) * (1 + g1[:, None, :]) + s1[:, None, :]
        x = x + a1[:, None, :] * self.attn(h, h, h)
        h = self.norm2(x) * (1 + g2[:, None, :]) + s2[:, None, :]
        return x + a2[:, None, :] * self.mlp(h)


class LengthRegulator:
    def __init__(self, d: int) -> None:
        self.proj = Dense(d, d)

    def __call__(self, h, frames_per_phone: int):
        return self.proj(tf.repeat_interleave(h, frames_per_phone, axis=1))


class Res2Block:
    def __init__(self, c: int, scale: int) -> None:
        self.scale = scale
        w = c // scale
        self.convs = [Conv((3, 3), w, w, relu, pad=1) for _ in range(scale - 1)]
        self.fuse = Conv((1, 1), c, c)

    def __call__(self, x):
        xs = tf.chunk(x, self.scale, axis=1)
        y = self.convs[0](xs[1])
        out = tf.cat(xs[0], y, self.convs[1](xs[2] + y), axis=1)
        return self.fuse(tf.cat(out, xs[3], axis=1)) + x


class Resampler:
    def __init__(self, d: int, n_latents: int) -> None:
        self.latents = tf.randn(n_latents, d)
        self.attn = MultiHeadAttention(d, 4)
        self.ff = Chain(LayerNorm(d), Dense(d, d, gelu))

    def __call__(self, media):
        b = media.shape[0]
        lat = tf.tile(self.latents[None], b, 1, 1)
        kv = tf.cat(media, lat, axis=1)
        lat = lat + self.attn(lat, kv, kv)
        return lat + self.ff(lat)


class PatchTST:
    def __init__(self, L: int, P: int, d: int, horizon: int) -> None:
        self.P = P
        self.n = L // P
        self.embed = Dense(P, d)
        self.head = Dense(self.n * d, horizon)

    def __call__(self, series):
        b, c, l = series.shape
        tok = self.embed(series.reshape(b, c, l // self.P, self.P))
        return self.head(tok.reshape(b, c, -1))


class C51:
    def __init__(self, s: int, a: int, atoms: int) -> None:
        self.a, self.atoms = a, atoms
        self.net = Chain(Dense(s, 64, relu), Dense(64, a * atoms))
        self.support = tf.arange(atoms) * 0.4 - 10.0

    def __call__(self, x):
        p = tf.softmax(self.net(x).reshape(x.shape[0], self.a, self.atoms), axis=-1)
        return (p * self.support).sum(axis=-1)


x = tf.randn(2, 16, 24)
c = tf.randn(2, 24)
print(DiTBlock(24, 4)(x, c).shape, LengthRegulator(24)(x, 3).shape)
print(Res2Block(32, 4)(tf.randn(2, 32, 8, 8)).shape, Resampler(32, 8)(tf.randn(2, 20, 32)).shape)
print(PatchTST(96, 8, 16, 24)(tf.randn(4, 3, 96)).shape, C51(12, 4, 51)(tf.randn(8, 12)).shape)
