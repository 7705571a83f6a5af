"""nanoGPT as Karpathy writes it: a GPTConfig dataclass, CausalSelfAttention with one c_attn
projection split into q, k, v and then into heads, an MLP, pre-norm Blocks in a list, a tied
lm_head, and generate() cropping the context to block_size."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import List

import numpy as np

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, Tensor, gelu


@dataclass
class GPTConfig:
    block_size: int = 16
    vocab_size: int = 65
    n_layer: int = 2
    n_head: int = 4
    n_embd: int = 32


class CausalSelfAttention:
    def __init__(self, config: GPTConfig) -> None:
        assert config.n_embd % config.n_head == 0
        self.c_attn = Dense(config.n_embd, 3 * config.n_embd)
        self.c_proj = Dense(config.n_embd, config.n_embd)
        self.n_head = config.n_head
        self.n_embd = config.n_embd
        self.bias = tf.tensor(np.tril(np.ones((config.block_size, config.block_size))))

    def __call__(self, x: Tensor) -> Tensor:
        B, T, C = x.shape
        q, k, v = tf.split(self.c_attn(x), [self.n_embd, self.n_embd, self.n_embd], axis=2)
        k = k.reshape(B, T, self.n_head, C // self.n_embd).transpose(0, 2, 1, 3)
        q = q.reshape(B, T, self.n_head, C // self.n_head).transpose(0, 2, 1, 3)
        v = v.reshape(B, T, self.n_head, C // self.n_head).transpose(0, 2, 1, 3)
        att = (q @ k.transpose(0, 1, 3, 2)) * (1.0 / math.sqrt(k.shape[-1]))
        att = tf.where(self.bias[:T, :T] == 0, float("-inf"), att)
        att = tf.softmax(att, axis=-1)
        y = att @ v
        y = y.transpose(0, 2, 1, 3).reshape(B, T, C)
        return self.c_proj(y)


class MLP:
    def __init__(self, config: GPTConfig) -> None:
        self.c_fc = Dense(config.n_embd, 4 * config.n_embd)
        self.c_proj = Dense(4 * config.n_embd, config.n_embd)

    def __call__(self, x: Tensor) -> Tensor:
        return self.c_proj(gelu(self.c_fc(x)))


class Block:
    def __init__(self, config: GPTConfig) -> None:
        self.ln_1 = LayerNorm(config.n_embd)
        self.attn = CausalSelfAttention(config)
        self.ln_2 = LayerNorm(config.n_embd)
        self.mlp = MLP(config)

    def __call__(self, x: Tensor) -> Tensor:
        x = x + self.attn(self.ln_1(x))
        x = x + self.mlp(self.ln_2(x))
        return x


class GPT:
    def __init__(self, config: GPTConfig) -> None:
        self.config = config
        self.wte = Embedding(config.vocab_size, config.n_embd)
        self.wpe = Embedding(config.block_size, config.n_embd)
        self.h: List[Block] = [Block(config) for _ in range(config.n_layer)]
        self.ln_f = LayerNorm(config.n_embd)
        self.lm_head = Dense(config.n_embd, config.vocab_size, bias=False)
        self.lm_head.weight = self.wte.weight

    def __call__(self, idx: Tensor) -> Tensor:
        b, t = idx.shape
        assert t <= self.config.block_size
        pos = tf.arange(0, t)
        x = self.wte(idx) + self.wpe(pos)
        for block in self.h:
            x = block(x)
        x = self.ln_f(x)
        return self.lm_head(x)

    def generate(self, idx: Tensor, max_new_tokens: int) -> Tensor:
        for _ in range(max_new_tokens):
            idx_cond = idx if idx.shape[1] <= self.config.block_size else idx[:, -self.config.block_size:]
            logits = self(idx_cond)
            nxt = tf.argmax(logits[:, -1, :], axis=-1).reshape(-1, 1)
            idx = tf.cat(idx, nxt, axis=1)
        return idx


model = GPT(GPTConfig())
tokens = tf.tensor(np.random.randint(0, 65, size=(2, 8)))
logits = model(tokens)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[2, 8, 32], target is (2, 8, 4, 1); need equal element counts (512 vs 64)  [shape]
print(logits.shape)
print(model.generate(tokens, 3).shape)
