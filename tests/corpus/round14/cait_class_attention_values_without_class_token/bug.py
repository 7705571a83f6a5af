"""CaiT's class attention: the class token queries the keys and values of the class token AND
the patches (N + 1 tokens); the values were taken from the patches alone."""
import typedflux as tf
from typedflux import Dense

B, N, D, H = 2, 9, 32, 4
cls = tf.randn(B, 1, D)
patches = tf.randn(B, N, D)
wq, wk, wv, wo = Dense(D, D), Dense(D, D), Dense(D, D), Dense(D, D)
u = tf.cat(cls, patches, axis=1)
q = wq(cls).reshape(B, 1, H, D // H).transpose(0, 2, 1, 3)
k = wk(u).reshape(B, N + 1, H, D // H).transpose(0, 2, 1, 3)
v = wv(patches).reshape(B, N, H, D // H).transpose(0, 2, 1, 3)
att = tf.softmax(q @ k.transpose(0, 1, 3, 2) * (D // H) ** -0.5, axis=-1)
out = (att @ v).transpose(0, 2, 1, 3).reshape(B, 1, D)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[2, 4, 1, 10], w has Tensor[2, 4, 9, 8]; need x.shape[-1] == w.shape[-2] (10 vs 9)  [shape]
print((cls + wo(out)).shape)
