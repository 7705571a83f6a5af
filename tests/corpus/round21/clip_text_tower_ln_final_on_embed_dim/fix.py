"""OpenAI CLIP's text tower (model.py encode_text): token embedding plus a learned positional
embedding of context_length rows, a causal transformer of residual attention blocks, ln_final,
features taken at the end-of-text token (the argmax of the token ids), projected by
text_projection (width, embed_dim)."""
from __future__ import annotations

import math
from typing import List

import numpy as np

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm, MultiHeadAttention, Tensor, gelu


class ResidualAttentionBlock:
    def __init__(self, d_model: int, n_head: int, attn_mask: Tensor) -> None:
        self.attn = MultiHeadAttention(d_model, n_head)
        self.ln_1 = LayerNorm(d_model)
        self.c_fc = Dense(d_model, d_model * 4, gelu)
        self.c_proj = Dense(d_model * 4, d_model)
        self.ln_2 = LayerNorm(d_model)
        self.attn_mask = attn_mask

    def __call__(self, x: Tensor) -> Tensor:
        h = self.ln_1(x)
        x = x + self.attn(h, h, h, mask=self.attn_mask)
        return x + self.c_proj(self.c_fc(self.ln_2(x)))


class TextTower:
    def __init__(self, embed_dim: int, context_length: int, vocab_size: int,
                 transformer_width: int, transformer_heads: int, transformer_layers: int) -> None:
        self.token_embedding = Embedding(vocab_size, transformer_width)
        self.positional_embedding = tf.randn(context_length, transformer_width) * 0.01
        mask = tf.tensor(np.tril(np.ones((context_length, context_length))) > 0)
        self.resblocks: List[ResidualAttentionBlock] = [
            ResidualAttentionBlock(transformer_width, transformer_heads, mask)
            for _ in range(transformer_layers)]
        self.ln_final = LayerNorm(transformer_width)
        self.text_projection = tf.randn(transformer_width, embed_dim) / math.sqrt(transformer_width)

    def encode_text(self, text: Tensor) -> Tensor:
        x = self.token_embedding(text) + self.positional_embedding
        for blk in self.resblocks:
            x = blk(x)
        x = self.ln_final(x)
        eot = text.argmax(axis=-1)
        return x[tf.arange(x.shape[0]), eot] @ self.text_projection


tower = TextTower(embed_dim=12, context_length=8, vocab_size=50, transformer_width=16,
                  transformer_heads=4, transformer_layers=2)
tokens = tf.tensor(np.array([[3, 7, 9, 49, 0, 0, 0, 0], [5, 2, 49, 0, 0, 0, 0, 0]]))
features = tower.encode_text(tokens)
print(features.shape)
