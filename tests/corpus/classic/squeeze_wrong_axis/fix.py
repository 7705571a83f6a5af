"""Squeezing a (B, 1, D) tensor at the wrong axis."""
import typedflux as tf

pooled = tf.randn(4, 1, 8)
vec = tf.squeeze(pooled, 1)
print(vec.shape)
