"""Sinusoidal positions: arange(0, D) instead of arange(0, D, 2) doubles the width."""
import math

import typedflux as tf

T, D = 16, 32
pos = tf.arange(T)[:, None]
div = tf.exp(tf.arange(0, D) * (-math.log(10000.0) / D))
pe = tf.concat([tf.sin(pos * div), tf.cos(pos * div)], axis=1)
div = tf.exp(tf.arange(0, D, 2) * (-math.log(10000.0) / D))
pe = tf.concat([tf.sin(pos * div), tf.cos(pos * div)], axis=1)
x = tf.randn(2, T, D) + pe
print(x.shape)
