"""Flattening 28x28 images into vectors of the wrong length."""
import typedflux as tf

images = tf.randn(16, 28, 28)
flat = images.reshape(16, 28 * 28)
print(flat.shape)
