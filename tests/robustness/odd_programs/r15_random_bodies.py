"""8 random user classes the flow runs, drawn by a generator (correct by construction: layers from int parameters, heads by reshape, splits by names, causal masks sliced by names, Optional branches, asserts, held lists, sub-blocks, keyword MultiHeadAttention calls), each built, called and fed to a Dense of its width."""
import math
from typing import Optional

import typedflux as tf
from typedflux import Dense, LayerNorm, MultiHeadAttention, gelu, relu


class Sub:
    def __init__(self, c: int) -> None:
        self.a = Dense(c, 2 * c, relu)
        self.b = Dense(2 * c, c)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return x + self.b(self.a(x))


class Block0:
    def __init__(self, c: int, nh: int, ctx: int) -> None:
        self.c = c
        self.nh = nh
        self.mask = tf.tril(tf.ones(ctx, ctx))
        self.l0 = Dense(c, c)
        self.up1 = Dense(c, 4 * c, gelu)
        self.down1 = Dense(4 * c, c)
        self.qkv2 = Dense(c, 3 * c)
        self.l3 = Dense(2 * c, c)
        self.ls4 = [Dense(c, c) for _ in range(3)]

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = x
        h = self.l0(h)
        h = h + self.down1(self.up1(h))
        q, k, v = tf.split(self.qkv2(h), (self.c, self.c, self.c), axis=2)
        h = q + k * v
        h = self.l3(tf.cat(h, h, axis=-1))
        for layer in self.ls4:
            h = layer(h)
        B, T, C = h.shape
        h = h.reshape(B * T, C)
        h = h.reshape(B, T, C)
        return h


class Block1:
    def __init__(self, c: int, nh: int, ctx: int) -> None:
        self.c = c
        self.nh = nh
        self.mask = tf.tril(tf.ones(ctx, ctx))
        self.ls1 = [Dense(c, c) for _ in range(1)]
        self.l2 = Dense(2 * c, c)
        self.qkv3 = Dense(c, 3 * c)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = x
        T = h.shape[1]
        s = tf.where(self.mask[:T, :T] > 0, h @ h.transpose(0, 2, 1), -1e9)
        h = tf.softmax(s, axis=-1) @ h
        for layer in self.ls1:
            h = layer(h)
        h = self.l2(tf.cat(h, h, axis=-1))
        q, k, v = tf.split(self.qkv3(h), (self.c, self.c, self.c), axis=2)
        h = q + k * v
        return h


class Block2:
    def __init__(self, c: int, nh: int, ctx: int) -> None:
        self.c = c
        self.nh = nh
        self.mask = tf.tril(tf.ones(ctx, ctx))
        self.ln0 = LayerNorm(c)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = x
        h = self.ln0(h)
        B, T, C = h.shape
        h = h.reshape(B * T, C)
        h = h.reshape(B, T, C)
        assert h.shape[-1] == self.c
        T = h.shape[1]
        s = tf.where(self.mask[:T, :T] > 0, h @ h.transpose(0, 2, 1), -1e9)
        h = tf.softmax(s, axis=-1) @ h
        return h


class Block3:
    def __init__(self, c: int, nh: int, ctx: int) -> None:
        self.c = c
        self.nh = nh
        self.mask = tf.tril(tf.ones(ctx, ctx))
        self.ls0 = [Dense(c, c) for _ in range(2)]
        self.qkv1 = Dense(c, 3 * c)
        self.sub2 = Sub(c)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = x
        for layer in self.ls0:
            h = layer(h)
        q, k, v = tf.split(self.qkv1(h), (self.c, self.c, self.c), axis=2)
        h = q + k * v
        h = self.sub2(h)
        B, T, C = h.shape
        h = h.reshape(B * T, C)
        h = h.reshape(B, T, C)
        return h


class Block4:
    def __init__(self, c: int, nh: int, ctx: int) -> None:
        self.c = c
        self.nh = nh
        self.mask = tf.tril(tf.ones(ctx, ctx))
        self.qkv1 = Dense(c, 3 * c)
        self.ln2 = LayerNorm(c)
        self.ls3 = [Dense(c, c) for _ in range(2)]
        self.qkv4 = Dense(c, 3 * c)
        self.ln5 = LayerNorm(c)

    def __call__(self, x: tf.Tensor, mask: Optional[tf.Tensor] = None) -> tf.Tensor:
        h = x
        if mask is not None:
            h = h * mask[..., None]
        q, k, v = tf.split(self.qkv1(h), (self.c, self.c, self.c), axis=2)
        h = q + k * v
        h = self.ln2(h)
        for layer in self.ls3:
            h = layer(h)
        q, k, v = tf.split(self.qkv4(h), (self.c, self.c, self.c), axis=2)
        h = q + k * v
        h = self.ln5(h)
        return h


class Block5:
    def __init__(self, c: int, nh: int, ctx: int) -> None:
        self.c = c
        self.nh = nh
        self.mask = tf.tril(tf.ones(ctx, ctx))
        self.qkv3 = Dense(c, 3 * c)

    def __call__(self, x: tf.Tensor, mask: Optional[tf.Tensor] = None) -> tf.Tensor:
        h = x
        if mask is not None:
            h = h * mask[..., None]
        B, T, C = h.shape
        h = h.reshape(B * T, C)
        h = h.reshape(B, T, C)
        if mask is not None:
            h = h * mask[..., None]
        q, k, v = tf.split(self.qkv3(h), (self.c, self.c, self.c), axis=2)
        h = q + k * v
        if mask is not None:
            h = h * mask[..., None]
        return h


class Block6:
    def __init__(self, c: int, nh: int, ctx: int) -> None:
        self.c = c
        self.nh = nh
        self.mask = tf.tril(tf.ones(ctx, ctx))
        self.mha1 = MultiHeadAttention(c, nh)
        self.sub2 = Sub(c)

    def __call__(self, x: tf.Tensor, mask: Optional[tf.Tensor] = None) -> tf.Tensor:
        h = x
        if mask is not None:
            h = h * mask[..., None]
        T = h.shape[1]
        h = h + self.mha1(h, h, h, mask=self.mask[:T, :T] > 0)
        h = self.sub2(h)
        return h


class Block7:
    def __init__(self, c: int, nh: int, ctx: int) -> None:
        self.c = c
        self.nh = nh
        self.mask = tf.tril(tf.ones(ctx, ctx))
        self.l0 = Dense(c, 4 * c)
        self.ln2 = LayerNorm(4 * c)
        self.l4 = Dense(4 * c, 2 * c, gelu)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = x
        h = self.l0(h)
        assert h.shape[-1] == 4 * self.c
        h = self.ln2(h)
        B, T, C = h.shape
        h = h.reshape(B * T, C)
        h = h.reshape(B, T, C)
        h = self.l4(h)
        T = h.shape[1]
        s = tf.where(self.mask[:T, :T] > 0, h @ h.transpose(0, 2, 1), -1e9)
        h = tf.softmax(s, axis=-1) @ h
        return h


blk0 = Block0(24, 6, 8)
y0 = blk0(tf.randn(2, 5, 24))
print(Dense(24, 3)(y0).shape)
blk1 = Block1(24, 6, 8)
y1 = blk1(tf.randn(2, 5, 24))
print(Dense(24, 3)(y1).shape)
blk2 = Block2(24, 6, 8)
y2 = blk2(tf.randn(2, 5, 24))
print(Dense(24, 3)(y2).shape)
blk3 = Block3(24, 6, 8)
y3 = blk3(tf.randn(2, 5, 24))
print(Dense(24, 3)(y3).shape)
blk4 = Block4(24, 6, 8)
y4 = blk4(tf.randn(2, 5, 24))
print(Dense(24, 3)(y4).shape)
z4 = blk4(tf.randn(2, 5, 24), mask=tf.ones(2, 5))
print(Dense(24, 3)(z4).shape)
blk5 = Block5(24, 6, 8)
y5 = blk5(tf.randn(2, 5, 24))
print(Dense(24, 3)(y5).shape)
z5 = blk5(tf.randn(2, 5, 24), mask=tf.ones(2, 5))
print(Dense(24, 3)(z5).shape)
blk6 = Block6(24, 6, 8)
y6 = blk6(tf.randn(2, 5, 24))
print(Dense(24, 3)(y6).shape)
z6 = blk6(tf.randn(2, 5, 24), mask=tf.ones(2, 5))
print(Dense(24, 3)(z6).shape)
blk7 = Block7(24, 6, 8)
y7 = blk7(tf.randn(2, 5, 24))
print(Dense(48, 3)(y7).shape)
