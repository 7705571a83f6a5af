"""A GPT block as nanoGPT writes it: causal self-attention masked with float("-inf") from a
lower-triangular buffer built in __init__, then an MLP whose projection maps the 4*d hidden units back
to the residual width."""
import math

import typedflux as tf
from typedflux import Dense, LayerNorm, gelu


class Block:
    def __init__(self, d: int, heads: int, block_size: int) -> None:
        self.ln_1 = LayerNorm(d)
        self.c_attn = Dense(d, 3 * d)
        self.c_proj = Dense(d, d)
        self.ln_2 = LayerNorm(d)
        self.c_fc = Dense(d, 4 * d, gelu)
        self.mlp_proj = Dense(4 * d, 4 * d)
        self.heads = heads
        self.bias = tf.tril(tf.ones(block_size, block_size))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, t, d = x.shape
        q, k, v = tf.split(self.c_attn(self.ln_1(x)), (d, d, d), axis=2)
        q = q.reshape(b, t, self.heads, d // self.heads).swapaxes(1, 2)
        k = k.reshape(b, t, self.heads, d // self.heads).swapaxes(1, 2)
        v = v.reshape(b, t, self.heads, d // self.heads).swapaxes(1, 2)
        att = (q @ k.swapaxes(-2, -1)) * (1.0 / math.sqrt(d // self.heads))
        att = tf.where(self.bias[:t, :t] == 0, float("-inf"), att)
        att = tf.softmax(att, axis=-1)
        y = (att @ v).swapaxes(1, 2).reshape(b, t, d)
        x = x + self.c_proj(y)
        return x + self.mlp_proj(self.c_fc(self.ln_2(x)))


block = Block(32, 4, 16)
out = block(tf.randn(2, 10, 32))  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 10, 32], y has Tensor[2, 10, 128]; need equal sizes or 1 at axis -1 (32 vs 128)  [shape]
print(out.shape)
