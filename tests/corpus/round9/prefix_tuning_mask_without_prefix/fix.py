"""Prefix tuning prepends P learned key/value vectors; the causal mask must cover them too
(T x (P+T)), but the plain T x T mask was passed."""
import typedflux as tf
from typedflux import MultiHeadAttention

D, NH, P, T = 32, 4, 5, 7
mha = MultiHeadAttention(D, NH)
prefix = tf.randn(1, P, D)
x = tf.randn(2, T, D)
kv = tf.cat(tf.repeat(prefix, 2, 1, 1), x, axis=1)
causal = tf.tril(tf.ones(T, T)) > 0
mask = tf.cat(tf.ones(T, P) > 0, causal, axis=1)
y = mha(x, kv, kv, mask=mask)
print(y.shape)
