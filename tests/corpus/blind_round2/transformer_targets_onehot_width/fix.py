"""A Transformer block class, then one-hot targets of a list repeated per token with the wrong class count."""
import math
from typing import Optional, TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, gelu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class CausalSelfAttention:
    def __init__(self, d: int, heads: int) -> None:
        self.qkv = Dense(64, 3 * 64)
        self.proj = Dense(64, 64)
        self.heads = 4

    def __call__(self, x: Tensor[B, T, 64], mask: Optional[Tensor[T, T]] = None) -> Tensor[B, T, 64]:
        q, k, v = tf.split(self.qkv(x), (64, 64, 64))
        q = tf.rearrange(q, "b t (h d) -> b h t d", h=4)
        k = tf.rearrange(k, "b t (h d) -> b h t d", h=4)
        v = tf.rearrange(v, "b t (h d) -> b h t d", h=4)
        scores = q @ k.swapaxes(-1, -2) / math.sqrt(16)
        if mask is not None:
            scores = tf.where(mask > 0, scores, -1e9)
        att = tf.softmax(scores, axis=-1) @ v
        return self.proj(tf.rearrange(att, "b h t d -> b t (h d)"))


class Block:
    def __init__(self) -> None:
        self.ln1 = LayerNorm(64)
        self.attn = CausalSelfAttention(64, 4)
        self.ln2 = LayerNorm(64)
        self.up = Dense(64, 256, gelu)
        self.down = Dense(256, 64)

    def __call__(self, x: Tensor[B, T, 64]) -> Tensor[B, T, 64]:
        t = x.shape[1]
        mask = tf.tril(tf.ones(t, t))
        x = x + self.attn(self.ln1(x), mask)
        return x + self.down(self.up(self.ln2(x)))


x = tf.randn(2, 10, 64)
y = Block()(x)
logits = Dense(64, 100)(y)
loss = tf.losses.logitcrossentropy(logits, tf.onehot([[1] * 10, [2] * 10], 100))
print(loss.item())
