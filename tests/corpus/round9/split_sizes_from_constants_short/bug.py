"""A fused projection split into query, key and value widths kept in constants; the key width
was copied from another config."""
import typedflux as tf
from typedflux import Dense

D_Q, D_K, D_V = 32, 16, 32
fused = Dense(24, D_Q + D_Q + D_V)
x = tf.randn(4, 24)
q, k, v = tf.split(fused(x), (D_Q, D_K, D_V))  # BUG  # E: Sizes do not add up for "split": x has Tensor[4, 96], sizes are (32, 16, 32); need a sum of 96 at axis 1 (80 vs 96)  [shape]
print(q.shape, k.shape, v.shape)
