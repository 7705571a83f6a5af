"""Rotary embeddings on interleaved pairs (x[..., 0::2], x[..., 1::2]): one frequency per
pair, so HD/2 of them; the frequencies were made for every dim."""
import math

import typedflux as tf

T, NH, HD = 8, 4, 16
inv_freq = tf.exp(tf.arange(0, HD) * (-math.log(10000.0) / HD))
freqs = tf.arange(T).reshape(T, 1) * inv_freq.reshape(1, -1)
cos = tf.cos(freqs).reshape(1, T, 1, -1)
sin = tf.sin(freqs).reshape(1, T, 1, -1)

x = tf.randn(2, T, NH, HD)
x1, x2 = x[..., 0::2], x[..., 1::2]
rotated = tf.stack([x1 * cos - x2 * sin, x1 * sin + x2 * cos], axis=-1)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 8, 4, 8], y has Tensor[1, 8, 1, 16]; need equal sizes or 1 at axis -1 (8 vs 16)  [shape]
print(rotated.reshape(2, T, NH, HD).shape)
