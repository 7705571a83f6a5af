"""A GPT with a KV cache kept on the model: prefill(prompt), then step(token) in a loop, generate()
calling both; reset() between prompts; a subclass that crops the cache."""
import math
from typing import List, Optional

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, gelu


class Attn:
    def __init__(self, d: int, h: int) -> None:
        self.qkv = Dense(d, 3 * d)
        self.proj = Dense(d, d)
        self.h, self.hd = h, d // h
        self.k = tf.zeros(1, h, 0, d // h)
        self.v = tf.zeros(1, h, 0, d // h)

    def reset(self) -> None:
        self.k = tf.zeros(1, self.h, 0, self.hd)
        self.v = tf.zeros(1, self.h, 0, self.hd)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, t, d = x.shape
        q, k, v = tf.split(self.qkv(x), (d, d, d))
        q = q.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        k = k.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        v = v.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        self.k = tf.cat(self.k, k, axis=2)
        self.v = tf.cat(self.v, v, axis=2)
        att = tf.softmax(q @ self.k.swapaxes(-1, -2) / math.sqrt(self.hd), axis=-1)
        return self.proj((att @ self.v).transpose(0, 2, 1, 3).reshape(b, t, d))


class GPT:
    def __init__(self, vocab: int, d: int, h: int, block: int) -> None:
        self.tok = Embedding(vocab, d)
        self.pos = Embedding(block, d)
        self.attn = Attn(d, h)
        self.ln = LayerNorm(d)
        self.head = Dense(d, vocab)
        self.t = 0

    def prefill(self, idx: tf.Tensor) -> tf.Tensor:
        t = idx.shape[1]
        x = self.tok(idx) + self.pos(tf.arange(t).reshape(1, t))
        self.t = t
        return self.head(self.ln(self.attn(x)))[:, -1]

    def step(self, tok: tf.Tensor) -> tf.Tensor:
        x = self.tok(tok) + self.pos(tf.tensor([[self.t]]))
        self.t += 1
        return self.head(self.ln(self.attn(x)))[:, -1]

    def generate(self, idx: tf.Tensor, n: int) -> tf.Tensor:
        logits = self.prefill(idx)
        out = idx
        for _ in range(n):
            nxt = tf.argmax(logits, axis=-1, keepdims=True)
            out = tf.cat(out, nxt, axis=1)
            logits = self.step(nxt)
        return out


class CroppedGPT(GPT):
    def step(self, tok: tf.Tensor) -> tf.Tensor:
        self.attn.k = self.attn.k[:, :, -4:]
        self.attn.v = self.attn.v[:, :, -4:]
        return super().step(tok)


gpt = GPT(20, 16, 4, 32)
prompt = tf.tensor([[1, 2, 3]])
first = gpt.prefill(prompt)
nxt = tf.argmax(first, axis=-1, keepdims=True)
second = gpt.step(nxt)
print(Dense(20, 1)(second).shape)
gpt.attn.reset()
print(gpt.generate(prompt, 4).shape)
g2 = GPT(20, 16, 4, 32)
print(g2.generate(tf.tensor([[4, 5]]), 3).shape)
g3 = CroppedGPT(20, 16, 4, 32)
print(g3.generate(tf.tensor([[4, 5, 6, 7, 8]]), 3).shape)
