"""Flattening 28x28 images into vectors of the wrong length."""
import typedflux as tf

images = tf.randn(16, 28, 28)
flat = images.reshape(16, 28 * 27)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[16, 28, 28], target is (16, 756); need equal element counts (12544 vs 12096)  [shape]
print(flat.shape)
