"""Multi-query attention (PaLM, Falcon): the queries have 4 heads, keys and values one shared
head of width 8, broadcast over the query heads; the key/value projection was sized to the full
model width, so it does not reshape to one head."""
import math

import typedflux as tf
from typedflux import Dense


class MultiQueryAttention:
    def __init__(self, d: int, heads: int) -> None:
        self.h = heads
        self.hd = d // heads
        self.q = Dense(d, d)
        self.kv = Dense(d, 2 * d)
        self.o = Dense(d, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, t, d = x.shape
        q = self.q(x).reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        k, v = tf.chunk(self.kv(x), 2)
        k = k.reshape(b, 1, t, self.hd)
        v = v.reshape(b, 1, t, self.hd)
        att = tf.softmax(q @ k.transpose(0, 1, 3, 2) / math.sqrt(self.hd), axis=-1)
        return self.o((att @ v).transpose(0, 2, 1, 3).reshape(b, t, d))


mqa = MultiQueryAttention(32, 4)
print(mqa(tf.randn(2, 5, 32)).shape)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[2, 5, 32], target is (2, 1, 5, 8); need equal element counts (320 vs 80)  [shape]
