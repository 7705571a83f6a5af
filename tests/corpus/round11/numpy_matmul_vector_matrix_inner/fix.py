"""numpy's matmul tests (a 1-D operand promoted to a row vector), translated: a vector of 3
features times a 4 x 2 weight matrix."""
import typedflux as tf

feature = tf.randn(4)
weight = tf.randn(4, 2)
out = feature @ weight
print(out.shape)
