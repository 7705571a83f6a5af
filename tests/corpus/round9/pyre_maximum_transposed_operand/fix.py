"""Pyre's elementwise `maximum` test, translated: clipping scores by a per-entry floor made
for the transposed matrix."""
import typedflux as tf

scores = tf.randn(3, 5)
floor = tf.zeros(3, 5)
clipped = tf.maximum(scores, floor)
print(clipped.shape)
