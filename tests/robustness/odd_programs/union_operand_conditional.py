"""A union from a conditional expression, then an operator with a tensor of one member."""
import sys

import typedflux as tf

a = tf.randn(2, 3) if len(sys.argv) > 5 else tf.randn(2, 1)
b = a * tf.randn(2, 3)
c = tf.randn(4, 2, 3) + a
print(b.shape, c.shape)
