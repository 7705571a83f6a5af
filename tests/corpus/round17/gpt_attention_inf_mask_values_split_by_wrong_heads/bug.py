"""nanoGPT's causal self-attention: q, k and v are split into the same heads; the values split
into twice as many heads no longer meet the attention weights. The mask is filled with
-math.inf where the registered triangle is zero."""
import math

import numpy as np

import typedflux as tf
from typedflux import Dense


class CausalSelfAttention:
    def __init__(self, d: int, heads: int, block_size: int) -> None:
        self.c_attn = Dense(d, 3 * d)
        self.c_proj = Dense(d, d)
        self.heads = heads
        self.bias = tf.tensor(np.tril(np.ones((block_size, block_size))))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, t, d = x.shape
        q, k, v = tf.split(self.c_attn(x), (d, d, d), axis=2)
        hs = d // self.heads
        q = q.reshape(b, t, self.heads, hs).swapaxes(1, 2)
        k = k.reshape(b, t, self.heads, hs).swapaxes(1, 2)
        v = v.reshape(b, t, 2 * self.heads, hs // 2).swapaxes(1, 2)
        att = (q @ k.swapaxes(-2, -1)) / math.sqrt(hs)
        att = tf.where(self.bias[:t, :t] == 0, -math.inf, att)
        y = tf.softmax(att) @ v
        return self.c_proj(y.swapaxes(1, 2).reshape(b, t, d))


attn = CausalSelfAttention(48, 6, 32)
y = attn(tf.randn(3, 12, 48))  # BUG  # E: Cannot broadcast batch dimensions for "matmul": x has Tensor[3, 6, 12, 12], w has Tensor[3, 12, 12, 4]; need equal sizes or 1 at axis -3 (6 vs 12)  [shape]
print(y.shape)
