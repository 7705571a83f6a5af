"""MoCo's logits put the positive pair's similarity (B, 1) in front of the negatives from the
queue (B, K); the positive similarities were summed without keeping their axis."""
import typedflux as tf
from typedflux import Dense

B, D, K = 4, 8, 16
enc_q = Dense(12, D)
enc_k = Dense(12, D)
queue = tf.randn(D, K)
x = tf.randn(B, 12)
q = enc_q(x)
k = enc_k(x + 0.1)
l_pos = (q * k).sum(axis=1)
l_neg = q @ queue
logits = tf.cat(l_pos, l_neg, axis=1) / 0.07  # BUG  # E: Ranks differ for "cat": xs[0] has Tensor[4], xs[1] has Tensor[4, 16]; need equal ranks (1 vs 2)  [shape]
labels = tf.onehot([0] * B, K + 1)
print(tf.losses.logitcrossentropy(logits, labels).item())
