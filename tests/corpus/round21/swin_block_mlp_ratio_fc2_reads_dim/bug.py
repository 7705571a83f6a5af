"""A Swin Transformer block (microsoft/Swin-Transformer SwinTransformerBlock, without the shift):
window partition of the (B, H, W, C) map into ws x ws windows, multi-head self-attention in
each window, window reverse, and the MLP of hidden width int(dim * mlp_ratio) (mlp_ratio=4.0)
read back to dim; pre-norm residuals around both."""
from __future__ import annotations

import typedflux as tf
from typedflux import Dense, LayerNorm, MultiHeadAttention, Tensor, gelu


def window_partition(x: Tensor, window_size: int) -> Tensor:
    B, H, W, C = x.shape
    x = x.reshape(B, H // window_size, window_size, W // window_size, window_size, C)
    return x.transpose(0, 1, 3, 2, 4, 5).reshape(-1, window_size * window_size, C)


def window_reverse(windows: Tensor, window_size: int, H: int, W: int) -> Tensor:
    C = windows.shape[-1]
    B = windows.shape[0] // ((H // window_size) * (W // window_size))
    x = windows.reshape(B, H // window_size, W // window_size, window_size, window_size, C)
    return x.transpose(0, 1, 3, 2, 4, 5).reshape(B, H, W, C)


class Mlp:
    def __init__(self, in_features: int, hidden_features: int) -> None:
        self.fc1 = Dense(in_features, hidden_features, gelu)
        self.fc2 = Dense(hidden_features, in_features)

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc2(self.fc1(x))


class SwinTransformerBlock:
    def __init__(self, dim: int, num_heads: int, window_size: int = 4, mlp_ratio: float = 4.0) -> None:
        self.window_size = window_size
        self.norm1 = LayerNorm(dim)
        self.attn = MultiHeadAttention(dim, num_heads)
        self.norm2 = LayerNorm(dim)
        mlp_hidden_dim = int(dim * mlp_ratio)
        self.mlp = Mlp(mlp_hidden_dim, dim)

    def __call__(self, x: Tensor) -> Tensor:
        B, H, W, C = x.shape
        shortcut = x
        windows = window_partition(self.norm1(x), self.window_size)
        attn_windows = self.attn(windows)
        x = shortcut + window_reverse(attn_windows, self.window_size, H, W)
        return x + self.mlp(self.norm2(x))


class Stage:
    def __init__(self, dim: int, depth: int, num_heads: int) -> None:
        self.blocks = [SwinTransformerBlock(dim, num_heads) for _ in range(depth)]
        self.head = Dense(dim, 10)

    def __call__(self, x: Tensor) -> Tensor:
        for blk in self.blocks:
            x = blk(x)
        return self.head(x.mean(axis=(1, 2)))


stage = Stage(dim=16, depth=2, num_heads=2)
logits = stage(tf.randn(2, 8, 8, 16))  # BUG  # E: Dense(64 => 16, gelu) expects input Tensor[..., 64], got Tensor[2, 8, 8, 16]; need size 64 at axis -1 (got 16)  [shape]
print(logits.shape)
