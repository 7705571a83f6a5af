"""A per-channel scale is broadcast over an image without the trailing unit axes."""
import typedflux as tf

images = tf.randn(2, 3, 4, 5)
scale = tf.rand(3)
print((images * scale).shape)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 3, 4, 5], y has Tensor[3]; need equal sizes or 1 at axis -1 (5 vs 3)  [shape]
