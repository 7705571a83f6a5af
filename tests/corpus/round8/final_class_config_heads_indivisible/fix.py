"""A GPT config as a class of Final constants; the head count does not divide the
embedding width."""
from typing import Final

import typedflux as tf
from typedflux import MultiHeadAttention


class GPTConfig:
    N_EMBD: Final = 48
    N_HEAD: Final = 6
    BLOCK: Final = 16


attn = MultiHeadAttention(GPTConfig.N_EMBD, GPTConfig.N_HEAD)
print(attn(tf.randn(2, GPTConfig.BLOCK, GPTConfig.N_EMBD)).shape)
