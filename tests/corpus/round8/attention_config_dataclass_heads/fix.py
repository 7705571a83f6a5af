"""Attention sized by a dataclass config whose head count does not divide the width."""
from dataclasses import dataclass

import typedflux as tf
from typedflux import MultiHeadAttention


@dataclass
class Config:
    d_model: int = 48
    n_heads: int = 4


cfg = Config()
attn = MultiHeadAttention(cfg.d_model, cfg.n_heads)
print(attn(tf.randn(2, 3, cfg.d_model)).shape)
