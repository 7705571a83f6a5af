"""Lambdas, conditional expressions and starred lists as op arguments."""
import sys

import typedflux as tf

parts = [tf.randn(2, 3), tf.randn(2, 3)]
x = tf.concat([*parts, tf.randn(2, 3)], axis=0)
y = tf.stack((lambda: parts)())
z = tf.concat(parts if len(sys.argv) > 9 else [tf.randn(2, 3)], axis=1)
w = tf.where(x > 0, x, (lambda: 0.0)())
print(x.shape, y.shape, z.shape, w.shape)
