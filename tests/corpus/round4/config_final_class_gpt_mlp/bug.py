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
        Dense(GPTConfig.N_EMBD, GPTConfig.EXPANSION * GPTConfig.N_EMBD),  # BUG  # E: Chain layer 3 Dense(48 => 192) expects input Tensor[..., 48], but layer 2 Dense(48 => 192, gelu) produces Tensor[..., 192]; change Dense(48 => 192) to Dense(192 => 48)  [shape]
    ),
    tf.add,
)
print(mlp(tf.randn(2, 5, 48)).shape)
