"""6 user classes a body generator drew (fuzz/gen_body2.py), built from a config dataclass: heads by reshape, splits by names, causal masks sliced by names, Optional branches, asserts, held lists with enumerate, rank branches, sub-blocks, keyword MultiHeadAttention calls; each called and fed to a Dense of its width."""
import math
from dataclasses import dataclass
from typing import Optional

import typedflux as tf
from typedflux import Dense, LayerNorm, MultiHeadAttention, gelu, relu


@dataclass
class Cfg:
    c: int
    nh: int
    ctx: int


class Sub:
    def __init__(self, c: int) -> None:
        self.a = Dense(c, 2 * c, relu)
        self.b = Dense(2 * c, c)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return x + self.b(self.a(x))


class Block0:
    def __init__(self, cfg: Cfg) -> None:
        c, nh, ctx = cfg.c, cfg.nh, cfg.ctx
        self.c = cfg.c
        self.nh = cfg.nh
        self.mask = tf.tril(tf.ones(cfg.ctx, cfg.ctx))
        self.qkv1 = Dense(c, 3 * c)
        self.up2 = Dense(c, 4 * c, gelu)
        self.down2 = Dense(4 * c, c)

    def __call__(self, x: tf.Tensor, mask: Optional[tf.Tensor] = None) -> tf.Tensor:
        h = x
        if mask is not None:
            h = h * mask[..., None]
        q, k, v = tf.split(self.qkv1(h), (self.c, self.c, self.c), axis=2)
        h = q + k * v
        h = h + self.down2(self.up2(h))
        if h.ndim == 2:
            h = h[None]
        return h


class Block1:
    def __init__(self, cfg: Cfg) -> None:
        c, nh, ctx = cfg.c, cfg.nh, cfg.ctx
        self.c = cfg.c
        self.nh = cfg.nh
        self.mask = tf.tril(tf.ones(cfg.ctx, cfg.ctx))
        self.ls0 = [Dense(c, c) for _ in range(1)]
        self.l1 = Dense(c, c // 2)

    def __call__(self, x: tf.Tensor, mask: Optional[tf.Tensor] = None) -> tf.Tensor:
        h = x
        for layer in self.ls0:
            h = layer(h)
        h = self.l1(h)
        if h.ndim == 2:
            h = h[None]
        T = h.shape[1]
        s = tf.where(self.mask[:T, :T] > 0, h @ h.transpose(0, 2, 1), -1e9)
        h = tf.softmax(s, axis=-1) @ h
        if mask is not None:
            h = h * mask[..., None]
        B, T, C = h.shape
        h = h.reshape(B * T, C)
        h = h.reshape(B, T, C)
        T = h.shape[1]
        s = tf.where(self.mask[:T, :T] > 0, h @ h.transpose(0, 2, 1), -1e9)
        h = tf.softmax(s, axis=-1) @ h
        return h


class Block2:
    def __init__(self, cfg: Cfg) -> None:
        c, nh, ctx = cfg.c, cfg.nh, cfg.ctx
        self.c = cfg.c
        self.nh = cfg.nh
        self.mask = tf.tril(tf.ones(cfg.ctx, cfg.ctx))
        self.sub0 = Sub(c)
        self.qkv1 = Dense(c, 3 * c)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = x
        h = self.sub0(h)
        q, k, v = tf.split(self.qkv1(h), (self.c, self.c, self.c), axis=2)
        h = q + k * v
        b, t, w = h.shape
        q = h.reshape(b, t, self.nh, w // self.nh).transpose(0, 2, 1, 3)
        att = tf.softmax(q @ q.transpose(0, 1, 3, 2) / math.sqrt(w // self.nh), axis=-1)
        h = (att @ q).transpose(0, 2, 1, 3).reshape(b, t, w)
        assert h.shape[-1] == self.c
        if h.ndim == 2:
            h = h[None]
        return h


class Block3:
    def __init__(self, cfg: Cfg) -> None:
        c, nh, ctx = cfg.c, cfg.nh, cfg.ctx
        self.c = cfg.c
        self.nh = cfg.nh
        self.mask = tf.tril(tf.ones(cfg.ctx, cfg.ctx))
        self.ls0 = [Dense(c, c) for _ in range(1)]

    def __call__(self, x: tf.Tensor, mask: Optional[tf.Tensor] = None) -> tf.Tensor:
        h = x
        for layer in self.ls0:
            h = layer(h)
        b, t, w = h.shape
        q = h.reshape(b, t, self.nh, w // self.nh).transpose(0, 2, 1, 3)
        att = tf.softmax(q @ q.transpose(0, 1, 3, 2) / math.sqrt(w // self.nh), axis=-1)
        h = (att @ q).transpose(0, 2, 1, 3).reshape(b, t, w)
        b, t, w = h.shape
        q = h.reshape(b, t, self.nh, w // self.nh).transpose(0, 2, 1, 3)
        att = tf.softmax(q @ q.transpose(0, 1, 3, 2) / math.sqrt(w // self.nh), axis=-1)
        h = (att @ q).transpose(0, 2, 1, 3).reshape(b, t, w)
        if mask is not None:
            h = h * mask[..., None]
        return h


class Block4:
    def __init__(self, cfg: Cfg) -> None:
        c, nh, ctx = cfg.c, cfg.nh, cfg.ctx
        self.c = cfg.c
        self.nh = cfg.nh
        self.mask = tf.tril(tf.ones(cfg.ctx, cfg.ctx))
        self.ls0 = [Dense(c, c) for _ in range(2)]
        self.qkv2 = Dense(c, 3 * c)
        self.sub4 = Sub(c)
        self.qkv6 = Dense(c, 3 * c)

    def __call__(self, x: tf.Tensor, mask: Optional[tf.Tensor] = None) -> tf.Tensor:
        h = x
        for j, layer in enumerate(self.ls0):
            h = layer(h) if j % 2 == 0 else h + layer(h)
        b, t, w = h.shape
        q = h.reshape(b, t, self.nh, w // self.nh).transpose(0, 2, 1, 3)
        att = tf.softmax(q @ q.transpose(0, 1, 3, 2) / math.sqrt(w // self.nh), axis=-1)
        h = (att @ q).transpose(0, 2, 1, 3).reshape(b, t, w)
        q, k, v = tf.split(self.qkv2(h), (self.c, self.c, self.c), axis=2)
        h = q + k * v
        if mask is not None:
            h = h * mask[..., None]
        h = self.sub4(h)
        b, t, w = h.shape
        q = h.reshape(b, t, self.nh, w // self.nh).transpose(0, 2, 1, 3)
        att = tf.softmax(q @ q.transpose(0, 1, 3, 2) / math.sqrt(w // self.nh), axis=-1)
        h = (att @ q).transpose(0, 2, 1, 3).reshape(b, t, w)
        q, k, v = tf.split(self.qkv6(h), (self.c, self.c, self.c), axis=2)
        h = q + k * v
        return h


class Block5:
    def __init__(self, cfg: Cfg) -> None:
        c, nh, ctx = cfg.c, cfg.nh, cfg.ctx
        self.c = cfg.c
        self.nh = cfg.nh
        self.mask = tf.tril(tf.ones(cfg.ctx, cfg.ctx))
        self.ls0 = [Dense(c, c) for _ in range(2)]
        self.qkv2 = Dense(c, 3 * c)
        self.ls4 = [Dense(c, c) for _ in range(2)]
        self.qkv5 = Dense(c, 3 * c)
        self.mha6 = MultiHeadAttention(c, nh)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = x
        for j, layer in enumerate(self.ls0):
            h = layer(h) if j % 2 == 0 else h + layer(h)
        b, t, w = h.shape
        q = h.reshape(b, t, self.nh, w // self.nh).transpose(0, 2, 1, 3)
        att = tf.softmax(q @ q.transpose(0, 1, 3, 2) / math.sqrt(w // self.nh), axis=-1)
        h = (att @ q).transpose(0, 2, 1, 3).reshape(b, t, w)
        q, k, v = tf.split(self.qkv2(h), (self.c, self.c, self.c), axis=2)
        h = q + k * v
        assert h.shape[-1] == self.c
        for j, layer in enumerate(self.ls4):
            h = layer(h) if j % 2 == 0 else h + layer(h)
        q, k, v = tf.split(self.qkv5(h), (self.c, self.c, self.c), axis=2)
        h = q + k * v
        T = h.shape[1]
        h = h + self.mha6(h, h, h, mask=self.mask[:T, :T] > 0)
        return h


blk0 = Block0(Cfg(48, 4, 8))
y0 = blk0(tf.randn(2, 3, 48))
print(Dense(48, 3)(y0).shape)
z0 = blk0(tf.randn(2, 3, 48), mask=tf.ones(2, 3))
print(Dense(48, 3)(z0).shape)
blk1 = Block1(Cfg(48, 4, 8))
y1 = blk1(tf.randn(2, 3, 48))
print(Dense(24, 3)(y1).shape)
z1 = blk1(tf.randn(2, 3, 48), mask=tf.ones(2, 3))
print(Dense(24, 3)(z1).shape)
blk2 = Block2(Cfg(48, 4, 8))
y2 = blk2(tf.randn(2, 3, 48))
print(Dense(48, 3)(y2).shape)
blk3 = Block3(Cfg(48, 4, 8))
y3 = blk3(tf.randn(2, 3, 48))
print(Dense(48, 3)(y3).shape)
z3 = blk3(tf.randn(2, 3, 48), mask=tf.ones(2, 3))
print(Dense(48, 3)(z3).shape)
blk4 = Block4(Cfg(48, 4, 8))
y4 = blk4(tf.randn(2, 3, 48))
print(Dense(48, 3)(y4).shape)
z4 = blk4(tf.randn(2, 3, 48), mask=tf.ones(2, 3))
print(Dense(48, 3)(z4).shape)
blk5 = Block5(Cfg(48, 4, 8))
y5 = blk5(tf.randn(2, 3, 48))
print(Dense(48, 3)(y5).shape)
