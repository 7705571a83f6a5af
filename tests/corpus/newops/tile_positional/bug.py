"""Positional encodings are tiled over the batch with the repeat counts in the wrong axes."""
import typedflux as tf

pos = tf.randn(1, 5, 8)
x = tf.randn(3, 5, 8)
pos_b = tf.tile(pos, 3, 1)
print((x + pos_b).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[3, 5, 8], y has Tensor[1, 15, 8]; need equal sizes or 1 at axis -2 (5 vs 15)  [shape]
