"""MoCo's contrastive logits: the positive q.k per row and the negatives q @ queue against a
queue of K keys kept as a (C, K) matrix; the queue was built keys-first, (K, C)."""
import typedflux as tf
from typedflux import Dense, relu

N, C, K = 8, 16, 64
encoder_q = Dense(32, C)
encoder_k = Dense(32, C)
queue = tf.randn(C, K)
x = tf.randn(N, 32)
q = encoder_q(x)
k = encoder_k(x)
l_pos = (q * k).sum(axis=1, keepdims=True)
l_neg = q @ queue
logits = tf.cat(l_pos, l_neg, axis=1) / 0.07
labels = tf.onehot([0] * N, K + 1)
print(tf.losses.logitcrossentropy(logits, labels).item())
