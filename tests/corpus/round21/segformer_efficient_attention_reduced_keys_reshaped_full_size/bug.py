"""SegFormer's efficient self-attention (MiT, mmseg/HF SegformerEfficientSelfAttention): queries
from every token, keys and values from a map shrunk by a conv of kernel and stride sr_ratio,
flattened back into (H / sr) * (W / sr) tokens and layer-normed, after an overlapping patch
embedding (7x7 conv, stride 4, pad 3)."""
from __future__ import annotations

from typing import Tuple

import typedflux as tf
from typedflux import Conv, Dense, LayerNorm, Tensor


class OverlapPatchEmbed:
    def __init__(self, in_chans: int, embed_dim: int) -> None:
        self.proj = Conv((7, 7), in_chans, embed_dim, stride=4, pad=3)
        self.norm = LayerNorm(embed_dim)

    def __call__(self, x: Tensor) -> Tuple[Tensor, int, int]:
        x = self.proj(x)
        B, C, H, W = x.shape
        return self.norm(x.reshape(B, C, H * W).swapaxes(1, 2)), H, W


class EfficientSelfAttention:
    def __init__(self, dim: int, num_heads: int, sr_ratio: int) -> None:
        self.num_heads = num_heads
        self.scale = (dim // num_heads) ** -0.5
        self.q = Dense(dim, dim)
        self.kv = Dense(dim, dim * 2)
        self.proj = Dense(dim, dim)
        self.sr_ratio = sr_ratio
        self.sr = Conv((sr_ratio, sr_ratio), dim, dim, stride=sr_ratio)
        self.norm = LayerNorm(dim)

    def __call__(self, x: Tensor, H: int, W: int) -> Tensor:
        B, N, C = x.shape
        q = tf.rearrange(self.q(x), "b n (h d) -> b h n d", h=self.num_heads)
        x_ = x.swapaxes(1, 2).reshape(B, C, H, W)
        x_ = self.sr(x_).reshape(B, C, H * W).swapaxes(1, 2)
        x_ = self.norm(x_)
        k, v = tf.chunk(self.kv(x_), 2, axis=-1)
        k = tf.rearrange(k, "b m (h d) -> b h m d", h=self.num_heads)
        v = tf.rearrange(v, "b m (h d) -> b h m d", h=self.num_heads)
        attn = tf.softmax(q @ k.swapaxes(-1, -2) * self.scale, axis=-1)
        return self.proj(tf.rearrange(attn @ v, "b h n d -> b n (h d)"))


embed = OverlapPatchEmbed(3, 16)
attn = EfficientSelfAttention(16, 2, sr_ratio=2)
tokens, H, W = embed(tf.randn(2, 3, 32, 32))
out = attn(tokens, H, W)  # BUG[gap boundaries: OverlapPatchEmbed's body returns (tokens, H, W) with H, W from x.shape, but the caller's H and W are plain int (the tokens are Tensor[2, 64, 16]), so reshape(B, C, H * W) is unknown; attn(tokens, 8, 8) is reported]
print(out.shape)
