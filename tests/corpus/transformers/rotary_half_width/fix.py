"""Rotary embeddings: cos/sin tables are built for the full head width instead of half."""
from typing import Final

import math

import typedflux as tf

HEAD_DIM: Final = 8
HALF: Final = 4
T: Final = 5
freq = tf.exp(tf.arange(HALF) * (-math.log(10000.0) / HALF))
theta = tf.arange(T).reshape(T, 1) * freq
cos, sin = tf.cos(theta), tf.sin(theta)
x = tf.randn(2, 3, T, HEAD_DIM)
x1, x2 = tf.chunk(x, 2)
rotated = tf.concat([x1 * cos - x2 * sin, x1 * sin + x2 * cos])
print(rotated.shape)
