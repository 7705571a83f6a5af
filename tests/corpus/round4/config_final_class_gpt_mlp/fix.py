"""A GPT config held in Final class attributes; the MLP's second Dense is not transposed."""
from typing import Final

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, SkipConnection, gelu


class GPTConfig:
    N_EMBD: Final = 48
    EXPANSION: Final = 4


mlp = SkipConnection(
    Chain(
        LayerNorm(GPTConfig.N_EMBD),
        Dense(GPTConfig.N_EMBD, GPTConfig.EXPANSION * GPTConfig.N_EMBD, gelu),
        Dense(GPTConfig.EXPANSION * GPTConfig.N_EMBD, GPTConfig.N_EMBD),
    ),
    tf.add,
)
print(mlp(tf.randn(2, 5, 48)).shape)
