"""MoCo's contrastive logits: the positive q.k per row and the negatives q @ queue against a
queue of K keys kept as a (C, K) matrix; the queue was built keys-first, (K, C)."""
import typedflux as tf
from typedflux import Dense, relu

N, C, K = 8, 16, 64
encoder_q = Dense(32, C)
encoder_k = Dense(32, C)
queue = tf.randn(K, C)
x = tf.randn(N, 32)
q = encoder_q(x)
k = encoder_k(x)
l_pos = (q * k).sum(axis=1, keepdims=True)
l_neg = q @ queue  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[8, 16], w has Tensor[64, 16]; need x.shape[-1] == w.shape[-2] (16 vs 64); did you mean to transpose w (w.T)?  [shape]
logits = tf.cat(l_pos, l_neg, axis=1) / 0.07
labels = tf.onehot([0] * N, K + 1)
print(tf.losses.logitcrossentropy(logits, labels).item())
