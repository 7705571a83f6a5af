"""Rotary embeddings: cos/sin tables are built for the full head width instead of half."""
from typing import Final

import math

import typedflux as tf

HEAD_DIM: Final = 8
HALF: Final = 4
T: Final = 5
freq = tf.exp(tf.arange(HEAD_DIM) * (-math.log(10000.0) / HALF))
theta = tf.arange(T).reshape(T, 1) * freq
cos, sin = tf.cos(theta), tf.sin(theta)
x = tf.randn(2, 3, T, HEAD_DIM)
x1, x2 = tf.chunk(x, 2)
rotated = tf.concat([x1 * cos - x2 * sin, x1 * sin + x2 * cos])  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 3, 5, 4], y has Tensor[5, 8]; need equal sizes or 1 at axis -1 (4 vs 8)  [shape]
print(rotated.shape)
