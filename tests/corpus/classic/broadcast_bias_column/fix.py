"""A bias is stored as a column (out, 1) and added to a (batch, out) activation."""
import typedflux as tf

h = tf.randn(4, 6)
bias = tf.zeros(6, 1)
print((h + bias.T).shape)
