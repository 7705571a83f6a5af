"""A bias is stored as a column (out, 1) and added to a (batch, out) activation."""
import typedflux as tf

h = tf.randn(4, 6)
bias = tf.zeros(6, 1)
print((h + bias).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[4, 6], y has Tensor[6, 1]; need equal sizes or 1 at axis -2 (4 vs 6)  [shape]
