"""Attention sized by a dataclass config whose head count does not divide the width."""
from dataclasses import dataclass

import typedflux as tf
from typedflux import MultiHeadAttention


@dataclass
class Config:
    d_model: int = 50
    n_heads: int = 4


cfg = Config()
attn = MultiHeadAttention(cfg.d_model, cfg.n_heads)  # BUG  # E: Invalid arguments for "MultiHeadAttention": d = 50, nheads = 4; need d divisible by nheads (50 % 4 = 2)  [shape]
print(attn(tf.randn(2, 3, cfg.d_model)).shape)
