"""Transformer-XL: keys and values attend over the cached memory of the previous segment and
the current segment, concatenated along time; they were concatenated along the features."""
import math

import typedflux as tf
from typedflux import Dense


class XLAttention:
    def __init__(self, d: int) -> None:
        self.q = Dense(d, d)
        self.kv = Dense(d, 2 * d)
        self.o = Dense(d, d)
        self.d = d

    def __call__(self, h: tf.Tensor, mem: tf.Tensor) -> tf.Tensor:
        ctx = tf.cat(mem, h, axis=1)
        k, v = tf.chunk(self.kv(ctx), 2)
        s = self.q(h) @ k.transpose(0, 2, 1) / math.sqrt(self.d)
        return self.o(tf.softmax(s, axis=-1) @ v)


attn = XLAttention(16)
mem = tf.zeros(2, 8, 16)
h = tf.randn(2, 4, 16)
out = attn(h, mem)
mem = tf.cat(mem, h, axis=1)[:, -8:]
print(out.shape, mem.shape)
