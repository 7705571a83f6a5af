"""MobileViT's block (Mehta & Rastegari): a local 3x3 conv and a 1x1 conv to the transformer
width d, unfolding the map into 2x2 patches (b, p, n, d), a transformer over the n patches of
each pixel position, folding back, a 1x1 conv back to the channels, and the fusion: the
input concatenated with it (2 * C channels) through a 3x3 conv to C."""
from __future__ import annotations

import typedflux as tf
from typedflux import Conv, Dense, LayerNorm, Tensor, swish


class Transformer:
    def __init__(self, dim: int, mlp_dim: int) -> None:
        self.norm1 = LayerNorm(dim)
        self.attn = tf.MultiHeadAttention(dim, 2)
        self.norm2 = LayerNorm(dim)
        self.ff = tf.Chain(Dense(dim, mlp_dim, swish), Dense(mlp_dim, dim))

    def __call__(self, x: Tensor) -> Tensor:
        b, p, n, d = x.shape
        h = self.norm1(x).reshape(b * p, n, d)
        x = x + self.attn(h).reshape(b, p, n, d)
        return x + self.ff(self.norm2(x))


class MobileViTBlock:
    def __init__(self, channel: int, dim: int, mlp_dim: int, patch: int = 2) -> None:
        self.ph = self.pw = patch
        self.conv1 = Conv((3, 3), channel, channel, swish, pad=1)
        self.conv2 = Conv((1, 1), channel, dim, swish)
        self.transformer = Transformer(dim, mlp_dim)
        self.conv3 = Conv((1, 1), dim, channel, swish)
        self.conv4 = Conv((3, 3), channel, channel, swish, pad=1)

    def __call__(self, x: Tensor) -> Tensor:
        y = x
        x = self.conv2(self.conv1(x))
        _, _, h, w = x.shape
        x = tf.rearrange(x, "b d (h ph) (w pw) -> b (ph pw) (h w) d", ph=self.ph, pw=self.pw)
        x = self.transformer(x)
        x = tf.rearrange(x, "b (ph pw) (h w) d -> b d (h ph) (w pw)", h=h // self.ph,
                         w=w // self.pw, ph=self.ph, pw=self.pw)
        x = self.conv3(x)
        return self.conv4(tf.cat(x, y, axis=1))


block = MobileViTBlock(channel=12, dim=16, mlp_dim=32)
feats = block(tf.randn(2, 12, 8, 8))  # BUG  # E: Conv((3, 3), 12 => 12, swish, pad=1) expects input Tensor[B, 12, H, W], got Tensor[2, 24, 8, 8]; need size 12 at axis 1 (got 24)  [shape]
print(feats.shape)
