"""A causal window by pad and slices, argmax picks and a gather of the wrong width added together."""
import typedflux as tf

seq = tf.randn(4, 10, 8)
padded = tf.pad(seq, ((0, 0), (2, 0), (0, 0)))
window = padded[:, :10] + padded[:, 1:11] + padded[:, 2:]
scores = tf.randn(4, 10)
best = tf.argmax(scores, axis=1, keepdims=True)
picked = tf.take_along_axis(scores, best, axis=1)
idx = tf.zeros(4, 1, dtype=tf.int64)
g = tf.gather(scores, 1, idx)
total = window.sum(axis=-1) + picked + g
print(total.shape)
