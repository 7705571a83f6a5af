"""A HuggingFace-style GPT-2: GPT2Config drives the sizes; GPT2Attention projects to 3*n_embd
with c_attn, splits q/k/v, splits heads with _split_heads, applies a causal mask and merges
heads back; GPT2MLP(intermediate_size, config) is c_fc then c_proj; the blocks live in a
list h, and the LM head is tied to wte's weight."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, Tensor, gelu


@dataclass
class GPT2Config:
    vocab_size: int = 64
    n_positions: int = 16
    n_embd: int = 32
    n_layer: int = 2
    n_head: int = 4
    n_inner: Optional[int] = None


class GPT2Attention:
    def __init__(self, config: GPT2Config) -> None:
        self.embed_dim = config.n_embd
        self.num_heads = config.n_head
        self.head_dim = self.embed_dim // self.num_heads
        self.c_attn = Dense(self.embed_dim, 3 * self.embed_dim)
        self.c_proj = Dense(self.embed_dim, self.embed_dim)

    def _split_heads(self, x: Tensor) -> Tensor:
        b, t, _ = x.shape
        return x.reshape(b, t, self.num_heads, self.head_dim).transpose(0, 2, 1, 3)

    def _merge_heads(self, x: Tensor) -> Tensor:
        b, _, t, _ = x.shape
        return x.transpose(0, 2, 1, 3).reshape(b, t, self.num_heads * self.head_dim)

    def __call__(self, hidden_states: Tensor) -> Tensor:
        query, key, value = tf.split(self.c_attn(hidden_states), [self.embed_dim] * 3, axis=2)
        query = self._split_heads(query)
        key = self._split_heads(key)
        value = self._split_heads(value)
        t = query.shape[2]
        scores = query @ key.transpose(0, 1, 3, 2) / math.sqrt(self.head_dim)
        causal = tf.tril(tf.ones(t, t)) > 0
        scores = tf.where(causal, scores, -1e9)
        attn = tf.softmax(scores, axis=-1) @ value
        return self.c_proj(self._merge_heads(attn))


class GPT2MLP:
    def __init__(self, intermediate_size: int, config: GPT2Config) -> None:
        self.c_fc = Dense(config.n_embd, intermediate_size)
        self.c_proj = Dense(config.n_embd, intermediate_size)

    def __call__(self, x: Tensor) -> Tensor:
        return self.c_proj(gelu(self.c_fc(x)))


class GPT2Block:
    def __init__(self, config: GPT2Config) -> None:
        inner_dim = config.n_inner if config.n_inner is not None else 4 * config.n_embd
        self.ln_1 = LayerNorm(config.n_embd)
        self.attn = GPT2Attention(config)
        self.ln_2 = LayerNorm(config.n_embd)
        self.mlp = GPT2MLP(inner_dim, config)

    def __call__(self, x: Tensor) -> Tensor:
        x = x + self.attn(self.ln_1(x))
        return x + self.mlp(self.ln_2(x))


class GPT2LMHeadModel:
    def __init__(self, config: GPT2Config) -> None:
        self.wte = Embedding(config.vocab_size, config.n_embd)
        self.wpe = Embedding(config.n_positions, config.n_embd)
        self.h = [GPT2Block(config) for _ in range(config.n_layer)]
        self.ln_f = LayerNorm(config.n_embd)
        self.lm_head = Dense(config.n_embd, config.vocab_size, bias=False)
        self.lm_head.weight = self.wte.weight

    def __call__(self, input_ids: Tensor) -> Tensor:
        b, t = input_ids.shape
        pos = tf.tensor([list(range(t))] * b)
        x = self.wte(input_ids) + self.wpe(pos)
        for block in self.h:
            x = block(x)
        return self.lm_head(self.ln_f(x))


config = GPT2Config()
model = GPT2LMHeadModel(config)
ids = tf.tensor([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]])
logits = model(ids)  # BUG[gap flow: a config dataclass instance handed through __init__ to inner models (GPT2Block(config) -> GPT2MLP(inner_dim, config)) leaves the inner models untraced (GPT2MLP(128, config) at module level is caught; GPT2Block(config) is not), and the blocks sit in a list looped over]
print(logits.shape)
