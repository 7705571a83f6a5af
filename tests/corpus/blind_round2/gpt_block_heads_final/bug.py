"""A GPT block class whose Final head count does not divide the model width."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, MultiHeadAttention, Tensor, gelu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D_MODEL: Final = 64
N_HEAD: Final = 6


class Block:
    def __init__(self) -> None:
        self.ln1 = LayerNorm(D_MODEL)
        self.attn = MultiHeadAttention(D_MODEL, N_HEAD)  # BUG  # E: Invalid arguments for "MultiHeadAttention": d = 64, nheads = 6; need d divisible by nheads (64 % 6 = 4)  [shape]
        self.ln2 = LayerNorm(D_MODEL)
        self.fc = Dense(D_MODEL, 4 * D_MODEL, gelu)
        self.proj = Dense(4 * D_MODEL, D_MODEL)

    def __call__(self, x: Tensor[B, T, D_MODEL]) -> Tensor[B, T, D_MODEL]:
        x = x + self.attn(self.ln1(x))
        return x + self.proj(self.fc(self.ln2(x)))


print(Block()(tf.randn(2, 10, D_MODEL)).shape)
