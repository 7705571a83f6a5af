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
        LayerNorm(Config.D),
        Dense(Config.D, Config.HIDDEN, gelu),
        Dense(Config.HIDDEN, Config.D),
    ),
    tf.add,
)
print(block(tf.randn(2, 7, Config.D)).shape)
