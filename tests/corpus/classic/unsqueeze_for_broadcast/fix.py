"""A per-channel scale is broadcast over an image without the trailing unit axes."""
import typedflux as tf

images = tf.randn(2, 3, 4, 5)
scale = tf.rand(3)
print((images * scale.reshape(3, 1, 1)).shape)
