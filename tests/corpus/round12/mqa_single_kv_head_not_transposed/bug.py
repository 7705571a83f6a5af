"""Multi-query attention shares one key/value head across the query heads: the keys (B, T, HD)
become (B, 1, T, HD) and broadcast over the heads; they were reshaped to (B, T, 1, HD) and used
without moving the head axis."""
import typedflux as tf
from typedflux import Dense

B, T, H, HD = 2, 6, 4, 8
D = H * HD
wq = Dense(D, D)
wk = Dense(D, HD)
wv = Dense(D, HD)
x = tf.randn(B, T, D)
q = wq(x).reshape(B, T, H, HD).transpose(0, 2, 1, 3)
k = wk(x).reshape(B, T, 1, HD)
v = wv(x).reshape(B, 1, T, HD)
att = tf.softmax(q @ k.swapaxes(-1, -2) / HD ** 0.5, axis=-1)  # BUG  # E: Cannot broadcast batch dimensions for "matmul": x has Tensor[2, 4, 6, 8], w has Tensor[2, 6, 8, 1]; need equal sizes or 1 at axis -3 (4 vs 6)  [shape]
print((att @ v).shape)
