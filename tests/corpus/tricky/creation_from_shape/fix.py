"""Buffers made from another tensor's shape, tf.zeros(x.shape), as numpy and torch allow."""
import typedflux as tf

x = tf.randn(4, 3, 8)
acc = tf.zeros(x.shape)
mask = tf.full(x.shape, value=1.0)
acc = acc + x * mask
print((acc + tf.ones(4, 3, 8)).shape)
