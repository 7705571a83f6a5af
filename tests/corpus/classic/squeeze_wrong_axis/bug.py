"""Squeezing a (B, 1, D) tensor at the wrong axis."""
import typedflux as tf

pooled = tf.randn(4, 1, 8)
vec = tf.squeeze(pooled, 2)  # BUG  # E: Cannot squeeze for "squeeze": x has Tensor[4, 1, 8]; need size 1 at axis 2 (8)  [shape]
print(vec.shape)
