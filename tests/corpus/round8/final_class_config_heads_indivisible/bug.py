"""A GPT config as a class of Final constants; the head count does not divide the
embedding width."""
from typing import Final

import typedflux as tf
from typedflux import MultiHeadAttention


class GPTConfig:
    N_EMBD: Final = 48
    N_HEAD: Final = 5
    BLOCK: Final = 16


attn = MultiHeadAttention(GPTConfig.N_EMBD, GPTConfig.N_HEAD)  # BUG  # E: Invalid arguments for "MultiHeadAttention": d = 48, nheads = 5; need d divisible by nheads (48 % 5 = 3)  [shape]
print(attn(tf.randn(2, GPTConfig.BLOCK, GPTConfig.N_EMBD)).shape)
