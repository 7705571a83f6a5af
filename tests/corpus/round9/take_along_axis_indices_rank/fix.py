"""Gathering each row's best score with take_along_axis: the indices must keep the reduced
axis (keepdims=True), as numpy requires."""
import typedflux as tf

scores = tf.randn(6, 10)
best = tf.argmax(scores, axis=1, keepdims=True)
picked = tf.take_along_axis(scores, best, axis=1)
print(picked.shape)
