"""GPT-2 as people write it: a config dataclass, token + position embeddings, pre-norm blocks,
the LM head tied to the token embedding (logits = h @ wte.weight.T), a KV cache per layer kept
as a list of Optional tensors, generate() with top-k sampling and a temperature, a training
step on shifted targets, a checkpoint."""
from __future__ import annotations

import math
import os
import tempfile
from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np

import typedflux as tf
from typedflux import Dense, Dropout, Embedding, LayerNorm, gelu

KV = Tuple[tf.Tensor, tf.Tensor]


@dataclass
class GPTConfig:
    vocab: int = 50
    block: int = 16
    layers: int = 2
    heads: int = 4
    dim: int = 32
    dropout: float = 0.0


class CausalSelfAttention:
    def __init__(self, cfg: GPTConfig) -> None:
        assert cfg.dim % cfg.heads == 0
        self.c_attn = Dense(cfg.dim, 3 * cfg.dim)
        self.c_proj = Dense(cfg.dim, cfg.dim)
        self.nh = cfg.heads
        self.hd = cfg.dim // cfg.heads
        self.drop = Dropout(cfg.dropout)

    def __call__(self, x: tf.Tensor, past: Optional[KV] = None) -> Tuple[tf.Tensor, KV]:
        B, T, C = x.shape
        q, k, v = tf.split(self.c_attn(x), (C, C, C), axis=2)
        q = q.reshape(B, T, self.nh, self.hd).transpose(0, 2, 1, 3)
        k = k.reshape(B, T, self.nh, self.hd).transpose(0, 2, 1, 3)
        v = v.reshape(B, T, self.nh, self.hd).transpose(0, 2, 1, 3)
        if past is not None:
            pk, pv = past
            k = tf.cat(pk, k, axis=2)
            v = tf.cat(pv, v, axis=2)
        S = k.shape[2]
        att = (q @ k.swapaxes(-2, -1)) * (1.0 / math.sqrt(self.hd))
        if T > 1:
            mask = tf.tensor(np.tril(np.ones((T, S), dtype=bool), k=S - T))
            att = tf.where(mask, att, -1e9)
        att = self.drop(tf.softmax(att, axis=-1))
        y = (att @ v).transpose(0, 2, 1, 3).reshape(B, T, C)
        return self.c_proj(y), (k, v)


class Block:
    def __init__(self, cfg: GPTConfig) -> None:
        self.ln_1 = LayerNorm(cfg.dim)
        self.attn = CausalSelfAttention(cfg)
        self.ln_2 = LayerNorm(cfg.dim)
        self.fc = Dense(cfg.dim, 4 * cfg.dim, gelu)
        self.proj = Dense(4 * cfg.dim, cfg.dim)

    def __call__(self, x: tf.Tensor, past: Optional[KV] = None) -> Tuple[tf.Tensor, KV]:
        a, present = self.attn(self.ln_1(x), past)
        x = x + a
        x = x + self.proj(self.fc(self.ln_2(x)))
        return x, present


class GPT:
    def __init__(self, cfg: GPTConfig) -> None:
        self.cfg = cfg
        self.wte = Embedding(cfg.vocab, cfg.dim)
        self.wpe = Embedding(cfg.block, cfg.dim)
        self.h = [Block(cfg) for _ in range(cfg.layers)]
        self.ln_f = LayerNorm(cfg.dim)

    def __call__(self, idx: tf.Tensor, cache: Optional[List[KV]] = None,
                 start: int = 0) -> Tuple[tf.Tensor, List[KV]]:
        b, t = idx.shape
        assert start + t <= self.cfg.block
        pos = tf.arange(start, start + t).reshape(1, t)
        x = self.wte(idx) + self.wpe(pos)
        presents: List[KV] = []
        for i, block in enumerate(self.h):
            x, kv = block(x, None if cache is None else cache[i])
            presents.append(kv)
        x = self.ln_f(x)
        logits = x @ self.wte.weight.T
        return logits, presents

    def generate(self, idx: tf.Tensor, new: int, temperature: float = 1.0,
                 top_k: Optional[int] = None) -> tf.Tensor:
        rng = np.random.default_rng(0)
        logits, cache = self(idx)
        out = idx
        for _ in range(new):
            last = logits[:, -1, :] / temperature
            if top_k is not None:
                kth = np.sort(last.numpy(), axis=-1)[:, -top_k][:, None]
                last = tf.where(tf.tensor(last.numpy() < kth), -1e9, last)
            probs = tf.softmax(last, axis=-1).numpy()
            nxt = [[int(rng.choice(probs.shape[-1], p=row / row.sum()))] for row in probs]
            tok = tf.tensor(nxt)
            out = tf.cat(out, tok, axis=1)
            logits, cache = self(tok, cache, start=out.shape[1] - 1)
        return out


def lm_loss(model: GPT, idx: tf.Tensor, targets: tf.Tensor) -> tf.Tensor:
    logits, _ = model(idx)
    b, t, v = logits.shape
    return tf.losses.logitcrossentropy(logits.reshape(b * t, v), targets.reshape(b * t, v))


def batches(data: np.ndarray, cfg: GPTConfig, bs: int) -> List[Tuple[tf.Tensor, tf.Tensor]]:
    out = []
    for i in range(0, len(data) - cfg.block - 1, cfg.block * bs):
        xs = [data[j:j + cfg.block] for j in range(i, i + bs)]
        ys = [data[j + 1:j + cfg.block + 1] for j in range(i, i + bs)]
        x = tf.tensor(np.stack(xs))
        y = tf.onehot(np.stack(ys).reshape(-1).tolist(), cfg.vocab).reshape(bs, cfg.block, cfg.vocab)
        out.append((x, y))
    return out


def main() -> None:
    cfg = GPTConfig()
    model = GPT(cfg)
    data = np.random.default_rng(1).integers(0, cfg.vocab, 400)
    state = tf.setup(tf.Adam(3e-3), model)
    for epoch in range(1):
        for x, y in batches(data, cfg, 4):
            loss, grads = tf.withgradient(lm_loss, model, x, y)
            state, model = tf.update(state, model, grads[0])
    path = os.path.join(tempfile.mkdtemp(), "gpt.npz")
    tf.save(model, path)
    model = tf.load(GPT(cfg), path)
    prompt = tf.tensor([[1, 2, 3]])
    out = model.generate(prompt, 5, temperature=0.8, top_k=5)
    print(out.shape)
    logits, cache = model(prompt)
    print(logits.shape, len(cache), cache[0][0].shape)
    os.remove(path)
    os.rmdir(os.path.dirname(path))


main()
