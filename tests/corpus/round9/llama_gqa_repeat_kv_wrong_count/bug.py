"""Grouped-query attention: each of the 2 key/value heads serves 4 query heads, so the keys
are repeated n_heads // n_kv_heads times; they were repeated n_kv_heads times."""
import typedflux as tf

NH, NKV, HD = 8, 2, 8
N_REP = NH // NKV
q = tf.randn(2, NH, 5, HD)
k = tf.randn(2, NKV, 5, HD)
k_rep = tf.repeat_interleave(k, NKV, axis=1)
scores = q @ k_rep.swapaxes(-1, -2)  # BUG  # E: Cannot broadcast batch dimensions for "matmul": x has Tensor[2, 8, 5, 8], w has Tensor[2, 4, 8, 5]; need equal sizes or 1 at axis -3 (8 vs 4)  [shape]
print(scores.shape)
