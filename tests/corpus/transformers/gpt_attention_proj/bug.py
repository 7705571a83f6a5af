"""A GPT block's attention: the output projection is sized for the fused qkv width."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

DIM: Final = 32
HEADS: Final = 4


class Attention:
    def __init__(self) -> None:
        self.qkv = Dense(DIM, 3 * DIM)
        self.proj = Dense(3 * DIM, DIM)

    def __call__(self, x: Tensor[B, T, DIM]) -> Tensor[B, T, DIM]:
        t = x.shape[1]
        q, k, v = tf.split(self.qkv(x), (DIM, DIM, DIM))
        qh = tf.rearrange(q, "b t (h d) -> b h t d", h=HEADS)
        kh = tf.rearrange(k, "b t (h d) -> b h t d", h=HEADS)
        vh = tf.rearrange(v, "b t (h d) -> b h t d", h=HEADS)
        scores = tf.einsum("bhtd,bhsd->bhts", qh, kh) * 0.25
        mask = tf.tril(tf.ones(t, t)) > 0
        weights = tf.softmax(tf.where(mask, scores, -1e9), axis=-1)
        heads = tf.einsum("bhts,bhsd->bhtd", weights, vh)
        return self.proj(tf.rearrange(heads, "b h t d -> b t (h d)"))  # BUG  # E: Dense(96 => 32) expects input Tensor[..., 96], got Tensor[B, T, 32]; need size 96 at axis -1 (got 32)  [shape]


print(Attention()(tf.randn(2, 5, DIM)).shape)
