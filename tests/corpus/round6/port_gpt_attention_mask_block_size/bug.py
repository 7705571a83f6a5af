"""nanoGPT's causal self-attention with Final sizes; the mask is built for the block size,
not for the sequence given."""
import math
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
N_EMBD: Final = 32
N_HEAD: Final = 4
HEAD: Final = 8
BLOCK: Final = 16


class CausalSelfAttention:
    def __init__(self) -> None:
        self.c_attn = Dense(N_EMBD, 3 * N_EMBD)
        self.c_proj = Dense(N_EMBD, N_EMBD)

    def __call__(self, x: Tensor[B, T, N_EMBD]) -> Tensor[B, T, N_EMBD]:
        q, k, v = tf.split(self.c_attn(x), (N_EMBD, N_EMBD, N_EMBD))
        q = tf.rearrange(q, "b t (h d) -> b h t d", h=N_HEAD)
        k = tf.rearrange(k, "b t (h d) -> b h t d", h=N_HEAD)
        v = tf.rearrange(v, "b t (h d) -> b h t d", h=N_HEAD)
        att = (q @ k.swapaxes(-2, -1)) * (1.0 / math.sqrt(HEAD))
        t = x.shape[1]
        mask = tf.tril(tf.ones(BLOCK, BLOCK)) > 0
        att = tf.softmax(tf.where(mask, att, -1e9), axis=-1)  # BUG  # E: Cannot broadcast for "where": cond has Tensor[16, 16], x has Tensor[B, 4, T, T]; need equal sizes or 1 at axis -2 (16 vs T)  [shape]
        y = tf.rearrange(att @ v, "b h t d -> b t (h d)")
        return self.c_proj(y)


print(CausalSelfAttention()(tf.randn(2, 5, N_EMBD)).shape)
