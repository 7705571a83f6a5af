"""timm's ConvNeXt block: a 7x7 depthwise conv, then the map permuted channels-last for a
LayerNorm and an inverted-bottleneck MLP (4x), a learned layer scale gamma of shape (dim,)
multiplying the channels-last map, permuted back and added to the input."""
from __future__ import annotations

import typedflux as tf
from typedflux import Conv, Dense, LayerNorm, Tensor, gelu


class ConvNeXtBlock:
    def __init__(self, dim: int, ls_init_value: float = 1e-6) -> None:
        self.dwconv = Conv((7, 7), dim, dim, pad=3, groups=dim)
        self.norm = LayerNorm(dim)
        self.pwconv1 = Dense(dim, 4 * dim)
        self.pwconv2 = Dense(4 * dim, dim)
        self.gamma = tf.full(4 * dim, value=ls_init_value)

    def __call__(self, x: Tensor) -> Tensor:
        shortcut = x
        x = self.dwconv(x)
        x = x.transpose(0, 2, 3, 1)
        x = self.norm(x)
        x = self.pwconv1(x)
        x = gelu(x)
        x = self.pwconv2(x)
        x = self.gamma * x
        x = x.transpose(0, 3, 1, 2)
        return shortcut + x


block = ConvNeXtBlock(16)
feats = tf.randn(2, 16, 8, 8)
out = block(feats)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[64], y has Tensor[2, 8, 8, 16]; need equal sizes or 1 at axis -1 (64 vs 16)  [shape]
print(out.shape)
