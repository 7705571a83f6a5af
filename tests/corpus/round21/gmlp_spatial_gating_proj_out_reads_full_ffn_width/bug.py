"""gMLP (Liu et al., "Pay Attention to MLPs"): channel projection up to d_ffn with gelu, the
spatial gating unit splitting the channels in two halves u, v, normalising v and mixing it
over the sequence with a Dense across tokens (seq_len -> seq_len, bias initialised to one),
u * v, then a projection from d_ffn // 2 back to d_model; a residual around each block."""
from __future__ import annotations

from typing import List

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, gelu


class SpatialGatingUnit:
    def __init__(self, d_ffn: int, seq_len: int) -> None:
        self.norm = LayerNorm(d_ffn // 2)
        self.spatial_proj = Dense(seq_len, seq_len)

    def __call__(self, x: Tensor) -> Tensor:
        u, v = tf.chunk(x, 2, axis=-1)
        v = self.norm(v)
        v = self.spatial_proj(v.swapaxes(1, 2)).swapaxes(1, 2)
        return u * v


class gMLPBlock:
    def __init__(self, d_model: int, d_ffn: int, seq_len: int) -> None:
        self.norm = LayerNorm(d_model)
        self.channel_proj1 = Dense(d_model, d_ffn, gelu)
        self.sgu = SpatialGatingUnit(d_ffn, seq_len)
        self.channel_proj2 = Dense(d_ffn, d_model)

    def __call__(self, x: Tensor) -> Tensor:
        residual = x
        x = self.channel_proj1(self.norm(x))
        x = self.sgu(x)
        return self.channel_proj2(x) + residual


class gMLP:
    def __init__(self, d_model: int = 16, d_ffn: int = 64, seq_len: int = 12, num_layers: int = 2) -> None:
        self.model: List[gMLPBlock] = [gMLPBlock(d_model, d_ffn, seq_len) for _ in range(num_layers)]

    def __call__(self, x: Tensor) -> Tensor:
        for blk in self.model:
            x = blk(x)
        return x


net = gMLP()
y = net(tf.randn(2, 12, 16))  # BUG  # E: Dense(64 => 16) expects input Tensor[..., 64], got Tensor[2, 12, 32]; need size 64 at axis -1 (got 32)  [shape]
print(y.shape)
