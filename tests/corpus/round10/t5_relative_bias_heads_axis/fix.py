"""T5's relative position bias: an Embedding from bucket ids to one bias per head, laid out as
(1, heads, q, k) and added to the attention scores. The bias is permuted to (1, q, heads, k)."""
import typedflux as tf
from typedflux import Embedding

N_BUCKETS, HEADS, T, D = 32, 4, 10, 8
rel_bias = Embedding(N_BUCKETS, HEADS)
ctx = tf.arange(T).reshape(T, 1)
mem = tf.arange(T).reshape(1, T)
buckets = tf.clamp(mem - ctx + N_BUCKETS // 2, min=0, max=N_BUCKETS - 1)
bias = rel_bias(buckets)                      # (q, k, heads)
bias = bias.transpose(2, 0, 1)[None]          # meant (1, heads, q, k)
q = tf.randn(2, HEADS, T, D)
k = tf.randn(2, HEADS, T, D)
scores = q @ k.transpose(0, 1, 3, 2)
scores = scores + bias
print(tf.softmax(scores).shape)
