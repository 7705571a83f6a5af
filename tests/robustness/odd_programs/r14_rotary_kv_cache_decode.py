"""Rotary embeddings (frequencies made in numpy) and a KV cache passed as an Optional tuple
through a greedy decode loop, the mask cropped to the new tokens' rows."""
from typing import List, Optional, Tuple

import numpy as np

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm

D, H, V, T0 = 16, 2, 20, 4
HD = D // H


def rope(x: tf.Tensor, pos: tf.Tensor) -> tf.Tensor:
    half = x.shape[-1] // 2
    freqs = tf.tensor(1.0 / (10000 ** (np.arange(half) / half))).reshape(1, half)
    ang = pos.reshape(-1, 1) * freqs
    cos, sin = tf.cos(ang), tf.sin(ang)
    x1, x2 = x[..., :half], x[..., half:]
    return tf.cat(x1 * cos - x2 * sin, x1 * sin + x2 * cos, axis=-1)


class Attn:
    def __init__(self) -> None:
        self.qkv = Dense(D, 3 * D)
        self.out = Dense(D, D)

    def __call__(self, x: tf.Tensor, start: int, cache: Optional[Tuple[tf.Tensor, tf.Tensor]]) -> Tuple[tf.Tensor, Tuple[tf.Tensor, tf.Tensor]]:
        b, t, _ = x.shape
        q, k, v = tf.chunk(self.qkv(x), 3, axis=-1)
        q = q.reshape(b, t, H, HD).transpose(0, 2, 1, 3)
        k = k.reshape(b, t, H, HD).transpose(0, 2, 1, 3)
        v = v.reshape(b, t, H, HD).transpose(0, 2, 1, 3)
        pos = tf.arange(start, start + t) * 1.0
        q, k = rope(q, pos), rope(k, pos)
        if cache is not None:
            k = tf.cat(cache[0], k, axis=2)
            v = tf.cat(cache[1], v, axis=2)
        att = q @ k.transpose(0, 1, 3, 2) / HD ** 0.5
        s = k.shape[2]
        mask = tf.tril(tf.ones(s, s))[s - t:]
        att = tf.softmax(tf.where(mask > 0, att, -1e9), axis=-1)
        y = (att @ v).transpose(0, 2, 1, 3).reshape(b, t, D)
        return self.out(y), (k, v)


emb = Embedding(V, D)
attn = Attn()
ln = LayerNorm(D)
head = Dense(D, V)
idx = tf.tensor([[1, 2, 3, 4]])
h, cache = attn(emb(idx), 0, None)
out: List[int] = []
for step in range(5):
    logits = head(ln(h[:, -1]))
    nxt = tf.argmax(logits, axis=-1, keepdims=True)
    out.append(int(nxt.item()))
    h, cache = attn(emb(nxt), T0 + step, cache)
print(out, cache[0].shape)
