"""A pre-norm block normalises with the feed-forward width instead of the model width."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, SkipConnection, Tensor, gelu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

D_MODEL: Final = 16
D_FF: Final = 64

ffn = SkipConnection(Chain(LayerNorm(D_FF), Dense(D_MODEL, D_FF, gelu), Dense(D_FF, D_MODEL)), tf.add)  # BUG  # E: Chain layer 2 Dense(16 => 64, gelu) expects input Tensor[..., 16], but layer 1 LayerNorm(64) produces Tensor[..., 64]; change LayerNorm(64) to LayerNorm(16), or Dense(16 => 64, gelu) to Dense(64 => 64, gelu)  [shape]


def block(x: Tensor[B, T, D_MODEL]) -> Tensor[B, T, D_MODEL]:
    return ffn(x)


print(block(tf.randn(2, 3, D_MODEL)).shape)
