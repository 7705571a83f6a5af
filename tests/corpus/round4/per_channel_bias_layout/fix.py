"""A per-channel bias for NCHW images laid out as [C] (broadcasts against W), not [C, 1, 1]."""
import typedflux as tf

img = tf.randn(2, 3, 8, 8)
bias = tf.randn(3, 1, 1)
out = img + bias
print(out.shape)
