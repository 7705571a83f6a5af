"""nanoGPT's Block as written: CausalSelfAttention registers its mask with
np.tril(np.ones((block_size, block_size))), fills the masked scores with float('-inf'), and the
MLP's c_proj maps the 4 * n_embd hidden width back to n_embd."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, gelu


@dataclass
class GPTConfig:
    block_size: int = 8
    n_embd: int = 16
    n_head: int = 2


class CausalSelfAttention:
    def __init__(self, config: GPTConfig) -> None:
        self.c_attn = Dense(config.n_embd, 3 * config.n_embd)
        self.c_proj = Dense(config.n_embd, config.n_embd)
        self.n_head = config.n_head
        self.n_embd = config.n_embd
        self.bias = tf.tensor(np.tril(np.ones((config.block_size, config.block_size))))

    def __call__(self, x: Tensor) -> Tensor:
        B, T, C = x.shape
        q, k, v = tf.split(self.c_attn(x), (self.n_embd, self.n_embd, self.n_embd), axis=2)
        k = k.reshape(B, T, self.n_head, C // self.n_head).swapaxes(1, 2)
        q = q.reshape(B, T, self.n_head, C // self.n_head).swapaxes(1, 2)
        v = v.reshape(B, T, self.n_head, C // self.n_head).swapaxes(1, 2)
        att = (q @ k.swapaxes(-2, -1)) * (1.0 / math.sqrt(k.shape[-1]))
        att = tf.where(self.bias[:T, :T] == 0, float("-inf"), att)
        att = tf.softmax(att, axis=-1)
        y = (att @ v).swapaxes(1, 2).reshape(B, T, C)
        return self.c_proj(y)


class MLP:
    def __init__(self, config: GPTConfig) -> None:
        self.c_fc = Dense(config.n_embd, 4 * config.n_embd)
        self.c_proj = Dense(config.n_embd, config.n_embd)

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


block = Block(GPTConfig())
y = block(tf.randn(2, 5, 16))  # BUG  # E: Dense(16 => 16) expects input Tensor[..., 16], got Tensor[2, 5, 64]; need size 16 at axis -1 (got 64)  [shape]
print(y.shape)
