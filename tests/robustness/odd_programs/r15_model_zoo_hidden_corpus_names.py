"""Model-zoo classes the hidden corpora name: Whisper front end, Conformer conv module, WaveNet
gated unit, VAE reparameterisation, GAN discriminator, SegFormer Mix-FFN, DETR queries, BERT
pooler, ViT patch embedding with a class token."""
import math
from typing import Tuple

import numpy as np
import typedflux as tf
from typedflux import (BatchNorm, Chain, Conv, Dense, Embedding, Flatten, LayerNorm, MultiHeadAttention,
                       gelu, leakyrelu, relu, sigmoid, swish)


class WhisperFrontEnd:
    def __init__(self, n_mels: int, d: int, n_ctx: int) -> None:
        self.conv1 = Conv((1, 3), n_mels, d, gelu, pad=(0, 1))
        self.conv2 = Conv((1, 3), d, d, gelu, stride=(1, 2), pad=(0, 1))
        self.pos = tf.randn(n_ctx, d)

    def __call__(self, mel: tf.Tensor) -> tf.Tensor:
        x = self.conv2(self.conv1(mel))            # (B, d, 1, T/2)
        x = x[:, :, 0].transpose(0, 2, 1)           # (B, T/2, d)
        return x + self.pos[: x.shape[1]]


class ConformerConv:
    def __init__(self, d: int, k: int = 7) -> None:
        self.norm = LayerNorm(d)
        self.pw1 = Conv((1, 1), d, 2 * d)
        self.dw = Conv((1, k), d, d, pad=(0, k // 2), groups=d)
        self.bn = BatchNorm(d)
        self.pw2 = Conv((1, 1), d, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.norm(x).transpose(0, 2, 1)[:, :, None, :]   # (B, d, 1, T)
        a, b = tf.chunk(self.pw1(h), 2, axis=1)
        h = a * sigmoid(b)
        h = self.pw2(swish(self.bn(self.dw(h))))
        return x + h[:, :, 0].transpose(0, 2, 1)


class WaveNetUnit:
    def __init__(self, c: int, dilation: int) -> None:
        self.d = dilation
        self.filt = Conv((1, 2), c, c, dilation=(1, dilation))
        self.gate = Conv((1, 2), c, c, dilation=(1, dilation))
        self.res = Conv((1, 1), c, c)
        self.skip = Conv((1, 1), c, 2 * c)

    def __call__(self, x: tf.Tensor) -> Tuple[tf.Tensor, tf.Tensor]:
        p = tf.pad(x, ((0, 0), (0, 0), (0, 0), (self.d, 0)))
        z = tf.tanh(self.filt(p)) * sigmoid(self.gate(p))
        return x + self.res(z), self.skip(z)


class VAE:
    def __init__(self, d: int, z: int) -> None:
        self.enc = Dense(d, 64, relu)
        self.mu = Dense(64, z)
        self.logvar = Dense(64, z)
        self.dec = Chain(Dense(z, 64, relu), Dense(64, d, sigmoid))

    def __call__(self, x: tf.Tensor) -> Tuple[tf.Tensor, tf.Tensor, tf.Tensor]:
        h = self.enc(x)
        mu, logvar = self.mu(h), self.logvar(h)
        z = mu + tf.exp(0.5 * logvar) * tf.randn(*mu.shape)
        return self.dec(z), mu, logvar


disc = Chain(Conv((4, 4), 3, 16, leakyrelu, stride=2, pad=1), Conv((4, 4), 16, 32, stride=2, pad=1),
             BatchNorm(32, leakyrelu) if False else BatchNorm(32), leakyrelu, Flatten(), Dense(32 * 8 * 8, 1, sigmoid))


class MixFFN:
    def __init__(self, d: int, hidden: int) -> None:
        self.fc1 = Dense(d, hidden)
        self.dw = Conv((3, 3), hidden, hidden, pad=1, groups=hidden)
        self.fc2 = Dense(hidden, d)

    def __call__(self, x: tf.Tensor, h: int, w: int) -> tf.Tensor:
        b, n, _ = x.shape
        y = self.fc1(x)
        img = y.transpose(0, 2, 1).reshape(b, -1, h, w)
        y = gelu(self.dw(img)).reshape(b, -1, n).transpose(0, 2, 1)
        return self.fc2(y)


class DETRHead:
    def __init__(self, d: int, n_queries: int, n_classes: int) -> None:
        self.query = Embedding(n_queries, d)
        self.attn = MultiHeadAttention(d, 4)
        self.cls = Dense(d, n_classes + 1)
        self.box = Chain(Dense(d, d, relu), Dense(d, 4, sigmoid))

    def __call__(self, memory: tf.Tensor) -> Tuple[tf.Tensor, tf.Tensor]:
        b = memory.shape[0]
        q = tf.tile(self.query.weight[None], b, 1, 1)
        h = self.attn(q, memory, memory)
        return self.cls(h), self.box(h)


class BertPooler:
    def __init__(self, d: int) -> None:
        self.dense = Dense(d, d, tf.tanh)

    def __call__(self, hidden: tf.Tensor) -> tf.Tensor:
        return self.dense(hidden[:, 0])


class PatchEmbed:
    def __init__(self, img: int, patch: int, c: int, d: int) -> None:
        self.proj = Conv((patch, patch), c, d, stride=patch)
        self.cls = tf.zeros(1, 1, d)
        self.pos = tf.randn(1, (img // patch) ** 2 + 1, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        x = self.proj(x)
        b, d, h, w = x.shape
        x = x.reshape(b, d, h * w).transpose(0, 2, 1)
        x = tf.cat(tf.tile(self.cls, b, 1, 1), x, axis=1)
        return x + self.pos


mel = tf.randn(2, 20, 1, 16)
print(WhisperFrontEnd(20, 32, 8)(mel).shape)
print(ConformerConv(16)(tf.randn(2, 10, 16)).shape)
y, s = WaveNetUnit(8, 2)(tf.randn(2, 8, 1, 12))
print(y.shape, s.shape)
rec, mu, lv = VAE(20, 4)(tf.randn(3, 20))
print(rec.shape, mu.shape)
print(disc(tf.randn(2, 3, 32, 32)).shape)
print(MixFFN(16, 32)(tf.randn(2, 12, 16), 3, 4).shape)
logits, boxes = DETRHead(16, 5, 3)(tf.randn(2, 7, 16))
print(logits.shape, boxes.shape)
print(BertPooler(16)(tf.randn(2, 5, 16)).shape)
print(PatchEmbed(16, 4, 3, 24)(tf.randn(2, 3, 16, 16)).shape)
