"""GPT-2 decoding with a KV cache: the new token's keys and values are appended to the cache;
the weighted sum used the old value cache, one position short of the attention weights."""
import math

import typedflux as tf
from typedflux import Dense

D, NH = 32, 4
HD = D // NH
qkv = Dense(D, 3 * D)
proj = Dense(D, D)

prompt = tf.randn(2, 6, D)
_, k, v = tf.split(qkv(prompt), (D, D, D))
k_cache = tf.rearrange(k, "b t (h d) -> b h t d", h=NH)
v_cache = tf.rearrange(v, "b t (h d) -> b h t d", h=NH)

step = tf.randn(2, 1, D)
q1, k1, v1 = tf.split(qkv(step), (D, D, D))
q1 = tf.rearrange(q1, "b t (h d) -> b h t d", h=NH)
k_all = tf.concat([k_cache, tf.rearrange(k1, "b t (h d) -> b h t d", h=NH)], axis=2)
v_all = tf.concat([v_cache, tf.rearrange(v1, "b t (h d) -> b h t d", h=NH)], axis=2)
att = tf.softmax(q1 @ k_all.swapaxes(-1, -2) / math.sqrt(HD), axis=-1)
out = tf.rearrange(att @ v_cache, "b h t d -> b t (h d)")  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[2, 4, 1, 7], w has Tensor[2, 4, 6, 8]; need x.shape[-1] == w.shape[-2] (7 vs 6)  [shape]
print(proj(out).shape)
