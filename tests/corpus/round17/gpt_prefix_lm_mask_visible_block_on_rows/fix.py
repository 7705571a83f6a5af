"""A prefix LM's attention mask (UniLM, T5's prefix-LM): every position sees the P prefix
tokens, and the T generated positions see each other causally, so the mask for a query row of
the T targets is [ones(T, P) | tril(ones(T, T))], joined along the key axis."""
import typedflux as tf
from typedflux import Dense

P, T, D = 4, 6, 16
prefix = tf.randn(1, P, D)
target = tf.randn(1, T, D)
q = Dense(D, D)(target)
k = Dense(D, D)(tf.cat(prefix, target, axis=1))
scores = q @ k.swapaxes(-1, -2) / 4.0
visible = tf.cat(tf.ones(T, P), tf.tril(tf.ones(T, T)), axis=1)
weights = tf.softmax(tf.where(visible > 0, scores, -1e9))
print(weights.shape)
