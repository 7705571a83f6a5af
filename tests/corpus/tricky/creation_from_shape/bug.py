"""Buffers made from another tensor's shape, tf.zeros(x.shape), as numpy and torch allow."""
import typedflux as tf

x = tf.randn(4, 3, 8)
acc = tf.zeros(x.shape)
mask = tf.full(x.shape, value=1.0)
acc = acc + x * mask
print((acc + tf.ones(4, 8, 8)).shape)  # BUG  # E: Cannot broadcast for "add": x has Tensor[4, 3, 8], y has Tensor[4, 8, 8]; need equal sizes or 1 at axis -2 (3 vs 8)  [shape]
