"""Grouped-query attention: each of the 2 key/value heads serves 4 query heads, so the keys
are repeated n_heads // n_kv_heads times; they were repeated n_kv_heads times."""
import typedflux as tf

NH, NKV, HD = 8, 2, 8
N_REP = NH // NKV
q = tf.randn(2, NH, 5, HD)
k = tf.randn(2, NKV, 5, HD)
k_rep = tf.repeat_interleave(k, N_REP, axis=1)
scores = q @ k_rep.swapaxes(-1, -2)
print(scores.shape)
