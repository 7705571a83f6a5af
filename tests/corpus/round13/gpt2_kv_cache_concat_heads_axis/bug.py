"""GPT-2's incremental decoding keeps each layer's keys and values (B, heads, S, head_dim) and
appends the new step's along the sequence axis; the cache was concatenated along the heads
axis."""
import math
from typing import Optional, Tuple

import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm


class Attention:
    def __init__(self, d: int, h: int) -> None:
        self.c_attn = Dense(d, 3 * d)
        self.c_proj = Dense(d, d)
        self.h, self.hd = h, d // h

    def __call__(self, x: tf.Tensor, past: Optional[Tuple[tf.Tensor, tf.Tensor]]
                 ) -> Tuple[tf.Tensor, Tuple[tf.Tensor, tf.Tensor]]:
        b, t, d = x.shape
        q, k, v = tf.split(self.c_attn(x), (d, d, d))
        q = q.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        k = k.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        v = v.reshape(b, t, self.h, self.hd).transpose(0, 2, 1, 3)
        if past is not None:
            k = tf.cat(past[0], k, axis=1)
            v = tf.cat(past[1], v, axis=1)
        att = tf.softmax(q @ k.swapaxes(-1, -2) / math.sqrt(self.hd), axis=-1)
        y = (att @ v).transpose(0, 2, 1, 3).reshape(b, t, d)
        return self.c_proj(y), (k, v)


wte = Embedding(50, 32)
attn = Attention(32, 4)
ln = LayerNorm(32)
prompt = wte(tf.tensor([[3, 4, 5]]))
out, cache = attn(ln(prompt), None)
step = wte(tf.tensor([[7]]))
out2, cache = attn(ln(step), cache)  # BUG  # E: Sizes differ for "cat": xs[0] has Tensor[1, 4, 3, 8], xs[1] has Tensor[1, 4, 1, 8]; need equal sizes except at axis 1 (3 vs 1 at axis 2)  [shape]
print(out2.shape)
