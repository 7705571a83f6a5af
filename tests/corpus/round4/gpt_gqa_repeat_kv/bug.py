"""Grouped-query attention: 2 kv heads repeated 3 times do not make the 4 query heads."""
import typedflux as tf

q = tf.randn(2, 4, 5, 8)
k = tf.randn(2, 2, 5, 8)
k_rep = tf.repeat_interleave(k, 3, axis=1)
scores = q @ k_rep.swapaxes(-2, -1)  # BUG  # E: Cannot broadcast batch dimensions for "matmul": x has Tensor[2, 4, 5, 8], w has Tensor[2, 6, 8, 5]; need equal sizes or 1 at axis -3 (4 vs 6)  [shape]
print(scores.shape)
