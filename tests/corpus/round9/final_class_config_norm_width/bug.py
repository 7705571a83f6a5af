"""A `Final` class config sizes a pre-norm block; the norm was built with the hidden width of
the feed-forward."""
from typing import Final

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, SkipConnection, gelu


class Config:
    D: Final = 32
    HIDDEN: Final = 128


block = SkipConnection(
    Chain(
        LayerNorm(Config.HIDDEN),
        Dense(Config.D, Config.HIDDEN, gelu),  # BUG  # E: Chain layer 2 Dense(32 => 128, gelu) expects input Tensor[..., 32], but layer 1 LayerNorm(128) produces Tensor[..., 128]; change LayerNorm(128) to LayerNorm(32), or Dense(32 => 128, gelu) to Dense(128 => 128, gelu)  [shape]
        Dense(Config.HIDDEN, Config.D),
    ),
    tf.add,
)
print(block(tf.randn(2, 7, Config.D)).shape)
