"""Gathering each row's best score with take_along_axis: the indices must keep the reduced
axis (keepdims=True), as numpy requires."""
import typedflux as tf

scores = tf.randn(6, 10)
best = tf.argmax(scores, axis=1)
picked = tf.take_along_axis(scores, best, axis=1)  # BUG  # E: Cannot index for "take_along_axis": x has Tensor[6, 10], indices has Tensor[6]; need equal ranks (2 vs 1)  [shape]
print(picked.shape)
