"""Pyre's elementwise `maximum` test, translated: clipping scores by a per-entry floor made
for the transposed matrix."""
import typedflux as tf

scores = tf.randn(3, 5)
floor = tf.zeros(5, 3)
clipped = tf.maximum(scores, floor)  # BUG  # E: Cannot broadcast for "maximum": x has Tensor[3, 5], y has Tensor[5, 3]; need equal sizes or 1 at axis -2 (3 vs 5)  [shape]
print(clipped.shape)
