"""A per-channel bias for NCHW images laid out as [C] (broadcasts against W), not [C, 1, 1]."""
import typedflux as tf

img = tf.randn(2, 3, 8, 8)
bias = tf.randn(3)
out = img + bias  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 3, 8, 8], y has Tensor[3]; need equal sizes or 1 at axis -1 (8 vs 3)  [shape]
print(out.shape)
