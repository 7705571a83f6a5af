"""A GPT decoding step with a KV cache and a head tied to the token embedding: the new key is
appended to the cache along the time axis. It is concatenated along the head-dim axis."""
import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm

V, D, H = 50, 32, 4
HD = D // H
wte = Embedding(V, D)
qkv = Dense(D, 3 * D)
ln = LayerNorm(D)
cache_k = tf.zeros(1, H, 5, HD)
cache_v = tf.zeros(1, H, 5, HD)

tok = tf.tensor([[7]])
x = ln(wte(tok))
q, k, v = tf.chunk(qkv(x), 3, axis=-1)
q = q.reshape(1, 1, H, HD).transpose(0, 2, 1, 3)
k = k.reshape(1, 1, H, HD).transpose(0, 2, 1, 3)
v = v.reshape(1, 1, H, HD).transpose(0, 2, 1, 3)
cache_k = tf.cat(cache_k, k, axis=-1)  # BUG  # E: Sizes differ for "cat": xs[0] has Tensor[1, 4, 5, 8], xs[1] has Tensor[1, 4, 1, 8]; need equal sizes except at axis 3 (5 vs 1 at axis 2)  [shape]
cache_v = tf.cat(cache_v, v, axis=2)
att = tf.softmax(q @ cache_k.transpose(0, 1, 3, 2) / HD ** 0.5)
y = (att @ cache_v).transpose(0, 2, 1, 3).reshape(1, 1, D)
logits = y @ wte.weight.T
print(logits.shape)
