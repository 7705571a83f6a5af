"""Sinusoidal positions: arange(0, D) instead of arange(0, D, 2) doubles the width."""
import math

import typedflux as tf

T, D = 16, 32
pos = tf.arange(T)[:, None]
div = tf.exp(tf.arange(0, D) * (-math.log(10000.0) / D))
pe = tf.concat([tf.sin(pos * div), tf.cos(pos * div)], axis=1)
x = tf.randn(2, T, D) + pe  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 16, 32], y has Tensor[16, 64]; need equal sizes or 1 at axis -1 (32 vs 64)  [shape]
print(x.shape)
