"""A fused qkv projection is split with per-head sizes instead of the model width."""
import typedflux as tf
from typedflux import Dense

D = 24
qkv_proj = Dense(24, 72)
x = tf.randn(2, 5, 24)
q, k, v = tf.split(qkv_proj(x), (24, 24, 24))
print((q @ k.transpose(0, 2, 1)).shape, v.shape)
