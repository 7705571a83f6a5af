"""A LLaMA-style decoder as practitioners write it: RMSNorm, rotary tables from numpy, SwiGLU,
grouped-query attention by repeat_interleave, a causal mask, a KV cache with Optional."""
import math
from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np
import typedflux as tf
from typedflux import Dense, Embedding, swish


@dataclass
class Args:
    dim: int = 32
    n_layers: int = 2
    n_heads: int = 4
    n_kv_heads: int = 2
    vocab: int = 64
    max_seq: int = 16


class RMSNorm:
    def __init__(self, dim: int, eps: float = 1e-6) -> None:
        self.eps = eps
        self.weight = tf.ones(dim)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return x / tf.sqrt((x * x).mean(axis=-1, keepdims=True) + self.eps) * self.weight


def rotary(t: int, hd: int) -> Tuple[tf.Tensor, tf.Tensor]:
    freqs = 1.0 / (10000.0 ** (np.arange(0, hd, 2) / hd))
    ang = np.outer(np.arange(t), freqs)
    return tf.tensor(np.cos(ang)), tf.tensor(np.sin(ang))


def apply_rotary(x: tf.Tensor, cos: tf.Tensor, sin: tf.Tensor) -> tf.Tensor:
    a, b = x[..., 0::2], x[..., 1::2]
    return tf.cat(a * cos - b * sin, a * sin + b * cos, axis=-1)


class Attention:
    def __init__(self, a: Args) -> None:
        self.nh, self.nkv = a.n_heads, a.n_kv_heads
        self.hd = a.dim // a.n_heads
        self.wq = Dense(a.dim, a.n_heads * self.hd, bias=False)
        self.wk = Dense(a.dim, a.n_kv_heads * self.hd, bias=False)
        self.wv = Dense(a.dim, a.n_kv_heads * self.hd, bias=False)
        self.wo = Dense(a.n_heads * self.hd, a.dim, bias=False)

    def __call__(self, x: tf.Tensor, start: int, cos: tf.Tensor, sin: tf.Tensor,
                 cache: Optional[Tuple[tf.Tensor, tf.Tensor]]) -> Tuple[tf.Tensor, Tuple[tf.Tensor, tf.Tensor]]:
        b, t, _ = x.shape
        q = self.wq(x).reshape(b, t, self.nh, self.hd).transpose(0, 2, 1, 3)
        k = self.wk(x).reshape(b, t, self.nkv, self.hd).transpose(0, 2, 1, 3)
        v = self.wv(x).reshape(b, t, self.nkv, self.hd).transpose(0, 2, 1, 3)
        q, k = apply_rotary(q, cos, sin), apply_rotary(k, cos, sin)
        if cache is not None:
            k = tf.cat(cache[0], k, axis=2)
            v = tf.cat(cache[1], v, axis=2)
        new_cache = (k, v)
        k = tf.repeat_interleave(k, self.nh // self.nkv, axis=1)
        v = tf.repeat_interleave(v, self.nh // self.nkv, axis=1)
        s = q @ k.transpose(0, 1, 3, 2) / math.sqrt(self.hd)
        total = k.shape[2]
        mask = tf.tril(tf.ones(total, total))[total - t:]
        s = tf.where(mask > 0, s, -1e9)
        out = (tf.softmax(s, axis=-1) @ v).transpose(0, 2, 1, 3).reshape(b, t, -1)
        return self.wo(out), new_cache


class FeedForward:
    def __init__(self, dim: int, hidden: int) -> None:
        self.w1 = Dense(dim, hidden, bias=False)
        self.w2 = Dense(hidden, dim, bias=False)
        self.w3 = Dense(dim, hidden, bias=False)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.w2(swish(self.w1(x)) * self.w3(x))


class Layer:
    def __init__(self, a: Args) -> None:
        self.attn = Attention(a)
        self.ff = FeedForward(a.dim, 4 * a.dim)
        self.n1 = RMSNorm(a.dim)
        self.n2 = RMSNorm(a.dim)

    def __call__(self, x: tf.Tensor, start: int, cos: tf.Tensor, sin: tf.Tensor,
                 cache: Optional[Tuple[tf.Tensor, tf.Tensor]]) -> Tuple[tf.Tensor, Tuple[tf.Tensor, tf.Tensor]]:
        h, c = self.attn(self.n1(x), start, cos, sin, cache)
        x = x + h
        return x + self.ff(self.n2(x)), c


class Llama:
    def __init__(self, a: Args) -> None:
        self.a = a
        self.emb = Embedding(a.vocab, a.dim)
        self.layers = [Layer(a) for _ in range(a.n_layers)]
        self.norm = RMSNorm(a.dim)
        self.out = Dense(a.dim, a.vocab, bias=False)
        self.cos, self.sin = rotary(a.max_seq, a.dim // a.n_heads)

    def __call__(self, ids: tf.Tensor, start: int = 0,
                 caches: Optional[List[Tuple[tf.Tensor, tf.Tensor]]] = None) -> Tuple[tf.Tensor, List[Tuple[tf.Tensor, tf.Tensor]]]:
        t = ids.shape[1]
        h = self.emb(ids)
        cos, sin = self.cos[start:start + t], self.sin[start:start + t]
        new = []
        for i, layer in enumerate(self.layers):
            h, c = layer(h, start, cos, sin, caches[i] if caches is not None else None)
            new.append(c)
        return self.out(self.norm(h)), new


m = Llama(Args())
ids = tf.tensor([[1, 2, 3, 4, 5]])
logits, caches = m(ids)
nxt = tf.argmax(logits[:, -1], axis=-1, keepdims=True)
logits2, caches = m(nxt, 5, caches)
print(logits.shape, logits2.shape, caches[0][0].shape)
