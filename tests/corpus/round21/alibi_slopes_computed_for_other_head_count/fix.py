"""ALiBi (Press et al.) as BLOOM/MPT add it: per-head slopes 2**(-8 i / n_heads), a bias
slope * (j - i) of shape (n_heads, T, T) added to the attention scores (B, n_heads, T, T)
before the causal mask and softmax; no position embeddings."""
from __future__ import annotations

from typing import List

import numpy as np

import typedflux as tf
from typedflux import Dense, Tensor


def get_slopes(n_heads: int) -> List[float]:
    start = 2.0 ** (-8.0 / n_heads)
    return [start ** (i + 1) for i in range(n_heads)]


def alibi_bias(n_heads: int, seq_len: int) -> Tensor:
    slopes = tf.tensor(np.array(get_slopes(n_heads), dtype=np.float32))
    pos = np.arange(seq_len)
    rel = tf.tensor((pos[None, :] - pos[:, None]).astype(np.float32))
    return slopes[:, None, None] * rel[None, :, :]


class ALiBiAttention:
    def __init__(self, d_model: int, n_heads: int, max_len: int) -> None:
        self.n_heads = n_heads
        self.qkv = Dense(d_model, 3 * d_model)
        self.out = Dense(d_model, d_model)
        self.bias = alibi_bias(n_heads, max_len)
        self.mask = tf.tensor(np.tril(np.ones((max_len, max_len))) > 0)

    def __call__(self, x: Tensor) -> Tensor:
        b, t, d = x.shape
        q, k, v = tf.chunk(self.qkv(x), 3, axis=-1)
        q = tf.rearrange(q, "b t (h e) -> b h t e", h=self.n_heads)
        k = tf.rearrange(k, "b t (h e) -> b h t e", h=self.n_heads)
        v = tf.rearrange(v, "b t (h e) -> b h t e", h=self.n_heads)
        scores = q @ k.swapaxes(-1, -2) / (d // self.n_heads) ** 0.5 + self.bias[:, :t, :t]
        scores = tf.where(self.mask[:t, :t], scores, -1e9)
        y = tf.softmax(scores, axis=-1) @ v
        return self.out(tf.rearrange(y, "b h t e -> b t (h e)"))


attn = ALiBiAttention(d_model=32, n_heads=4, max_len=16)
y = attn(tf.randn(2, 10, 32))
print(y.shape)
