"""Masked scores reduced without keepdims, then subtracted from a column-shaped tensor."""
import typedflux as tf

lengths_mask = tf.ones(4, 1, 12) > 0
scores = tf.randn(4, 12, 12)
masked = tf.where(lengths_mask, scores, -1e9)
col = tf.randn(4, 12, 1)
norm = masked - col
out = norm.max(axis=-1, keepdims=True) - tf.zeros(4, 1, 12)
print(out.shape)
bad = norm.max(axis=-1) - tf.zeros(4, 12)
