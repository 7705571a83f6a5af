"""GPT-2 with past key/values, the tie with sizes from parameters, annotated results."""
import math
from typing import List, Optional, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, Tensor, gelu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
KV = Tuple[tf.Tensor, tf.Tensor]


class Attention:
    def __init__(self, d: int, nh: int) -> None:
        self.c_attn = Dense(d, 3 * d)
        self.c_proj = Dense(d, d)
        self.nh = nh
        self.d = d

    def split_heads(self, x: tf.Tensor) -> tf.Tensor:
        b, t, c = x.shape
        return x.reshape(b, t, self.nh, c // self.nh).transpose(0, 2, 1, 3)

    def merge_heads(self, x: tf.Tensor) -> tf.Tensor:
        b, h, t, hd = x.shape
        return x.transpose(0, 2, 1, 3).reshape(b, t, h * hd)

    def __call__(self, x: tf.Tensor, layer_past: Optional[KV] = None) -> Tuple[tf.Tensor, KV]:
        q, k, v = tf.split(self.c_attn(x), (self.d, self.d, self.d), axis=2)
        q, k, v = self.split_heads(q), self.split_heads(k), self.split_heads(v)
        if layer_past is not None:
            past_k, past_v = layer_past
            k = tf.cat(past_k, k, axis=2)
            v = tf.cat(past_v, v, axis=2)
        present = (k, v)
        w = (q @ k.transpose(0, 1, 3, 2)) / math.sqrt(v.shape[-1])
        nd, ns = w.shape[-2], w.shape[-1]
        mask = tf.tril(tf.ones(ns, ns))[ns - nd:ns, :ns]
        w = tf.where(mask > 0, w, -1e4)
        a = tf.softmax(w, axis=-1) @ v
        return self.c_proj(self.merge_heads(a)), present


class Block:
    def __init__(self, d: int, nh: int) -> None:
        self.ln_1 = LayerNorm(d)
        self.attn = Attention(d, nh)
        self.ln_2 = LayerNorm(d)
        self.fc = Dense(d, 4 * d, gelu)
        self.proj = Dense(4 * d, d)

    def __call__(self, x: tf.Tensor, layer_past: Optional[KV] = None) -> Tuple[tf.Tensor, KV]:
        a, present = self.attn(self.ln_1(x), layer_past=layer_past)
        x = x + a
        x = x + self.proj(self.fc(self.ln_2(x)))
        return x, present


class GPT2:
    def __init__(self, vocab: int, d: int, nh: int, nl: int, ctx: int) -> None:
        self.wte = Embedding(vocab, d)
        self.wpe = Embedding(ctx, d)
        self.h = [Block(d, nh) for _ in range(nl)]
        self.ln_f = LayerNorm(d)
        self.head = Dense(d, vocab, bias=False)
        self.head.weight = self.wte.weight

    def __call__(self, ids: tf.Tensor, past: Optional[List[KV]] = None) -> Tuple[tf.Tensor, List[KV]]:
        start = 0 if past is None else past[0][0].shape[2]
        pos = tf.arange(start, start + ids.shape[1])
        x = self.wte(ids) + self.wpe(pos)
        presents: List[KV] = []
        for i, block in enumerate(self.h):
            x, p = block(x, past[i] if past is not None else None)
            presents.append(p)
        return self.head(self.ln_f(x)), presents


model = GPT2(50, 32, 4, 2, 16)
ids = tf.tensor([[1, 2, 3, 4]])
logits, past = model(ids)
print(logits.shape, len(past), past[0][0].shape)
nxt = tf.argmax(logits[:, -1, :], axis=-1, keepdims=True)
logits2, past2 = model(nxt, past)
print(logits2.shape, past2[0][0].shape)


def run(m: GPT2, x: Tensor[B, T]) -> Tensor[B, T, 50]:
    out, _ = m(x)
    return out


print(run(model, ids).shape)
