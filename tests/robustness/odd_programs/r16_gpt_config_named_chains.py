"""A practitioner's GPT with config records, named Chains, Optional params, keyword calls."""
import math
from dataclasses import dataclass, field, replace
from typing import Dict, List, NamedTuple, Optional, Tuple

import numpy as np

import typedflux as tf
from typedflux import Chain, Dense, Dropout, Embedding, LayerNorm, MultiHeadAttention, Tensor, gelu


@dataclass
class GPTConfig:
    vocab: int = 40
    block: int = 12
    d: int = 32
    heads: int = 4
    layers: int = 2
    dropout: float = 0.0

    @property
    def head_dim(self) -> int:
        return self.d // self.heads


class Hp(NamedTuple):
    lr: float
    steps: int


class Block:
    def __init__(self, cfg: GPTConfig) -> None:
        self.cfg = cfg
        self.ln1 = LayerNorm(cfg.d)
        self.attn = MultiHeadAttention(cfg.d, cfg.heads)
        self.ln2 = LayerNorm(cfg.d)
        self.mlp = Chain(fc=Dense(cfg.d, 4 * cfg.d, gelu), proj=Dense(4 * cfg.d, cfg.d), drop=Dropout(cfg.dropout))

    def __call__(self, x, mask: Optional[Tensor] = None):
        h = self.ln1(x)
        x = x + self.attn(h, h, h, mask=mask)
        return x + self.mlp(self.ln2(x))


class GPT:
    def __init__(self, cfg: GPTConfig) -> None:
        self.cfg = cfg
        self.wte = Embedding(cfg.vocab, cfg.d)
        self.wpe = Embedding(cfg.block, cfg.d)
        self.blocks = [Block(cfg) for _ in range(cfg.layers)]
        self.ln_f = LayerNorm(cfg.d)
        self.head = Dense(cfg.d, cfg.vocab, bias=False)
        self.head.weight = self.wte.weight
        self.mask = tf.tril(tf.ones(cfg.block, cfg.block)) > 0

    def __call__(self, idx, targets: Optional[Tensor] = None):
        b, t = idx.shape
        pos = tf.arange(t).reshape(1, t)
        x = self.wte(idx) + self.wpe(pos)
        for blk in self.blocks:
            x = blk(x, mask=self.mask[:t, :t])
        logits = self.head(self.ln_f(x))
        if targets is None:
            return logits
        return tf.losses.logitcrossentropy(logits.reshape(b * t, -1), tf.onehot(targets.reshape(-1), self.cfg.vocab))


cfg = GPTConfig()
small = replace(cfg, layers=1, d=16, heads=2)
hp = Hp(lr=1e-3, steps=2)
model = GPT(cfg)
idx = tf.tensor(np.random.default_rng(0).integers(0, cfg.vocab, (2, 8)))
logits = model(idx)
print(logits.shape, model(idx, idx).shape, GPT(small)(idx).shape)
mlp = model.blocks[0].mlp
print(mlp.layers["fc"], mlp.layers["proj"].weight.shape, mlp[0], mlp[1])
named = Chain(enc=Dense(8, 4), dec=Dense(4, 8))
enc = named.layers["enc"]
print(enc(tf.randn(2, 8)).shape, named(tf.randn(3, 8)).shape)
sub = named[0]
print(sub(tf.randn(1, 8)).shape)
per_head: Dict[str, Tensor] = {k: v for k, v in {"a": tf.zeros(2, 3)}.items()}
print(cfg.head_dim, math.sqrt(cfg.head_dim), hp.steps, len(per_head))
