"""A GPT attention layer splits q, k, v out of one projection, then rearranges into heads
with the model width instead of the head width."""
import typedflux as tf
from typedflux import Dense

D_MODEL, NH = 48, 6
qkv_proj = Dense(D_MODEL, 3 * D_MODEL)
x = tf.randn(2, 5, D_MODEL)
q, k, v = tf.split(qkv_proj(x), [D_MODEL, D_MODEL, D_MODEL], axis=-1)
qh = tf.rearrange(q, "b t (h d) -> b h t d", h=NH)
kh = tf.rearrange(k, "b t (h d) -> b h t d", h=NH)
print((qh @ kh.swapaxes(-2, -1)).shape)
