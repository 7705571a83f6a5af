"""Swin Transformer's window_partition / window_reverse on a channels-last map (B, H, W, C):
view as (B, H/ws, ws, W/ws, ws, C), permute the two window axes inward and flatten to
(num_windows*B, ws*ws, C) for window attention; reverse undoes it. A window MLP runs between."""
from __future__ import annotations

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, gelu


def window_partition(x: Tensor, ws: int) -> Tensor:
    b, h, w, c = x.shape
    x = x.reshape(b, h // ws, ws, w // ws, ws, c)
    windows = x.transpose(0, 1, 3, 2, 4, 5).reshape(-1, ws * ws, c)
    return windows


def window_reverse(windows: Tensor, ws: int, h: int, w: int) -> Tensor:
    b = windows.shape[0] // ((h // ws) * (w // ws))
    x = windows.reshape(b, h // ws, w // ws, ws, ws, -1)
    x = x.transpose(0, 1, 3, 2, 4, 5).reshape(b, h, w, -1)
    return x


class WindowMLP:
    def __init__(self, dim: int, ws: int) -> None:
        self.ws = ws
        self.norm = LayerNorm(dim)
        self.fc1 = Dense(dim, 2 * dim)
        self.fc2 = Dense(2 * dim, dim)

    def __call__(self, x: Tensor) -> Tensor:
        _, h, w, _ = x.shape
        win = window_partition(self.norm(x), self.ws)
        win = self.fc2(gelu(self.fc1(win)))
        return x + window_reverse(win, self.ws, h, w)


feats = tf.randn(2, 8, 8, 12)
block = WindowMLP(12, 3)
out = block(feats)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[2, 8, 8, 12], target is (2, 2, 3, 2, 3, 12); need equal element counts (1536 vs 864)  [shape]
head = Dense(12, 3)
print(head(out).shape)
