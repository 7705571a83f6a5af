"""DETR's encoder adds a sine positional encoding to the flattened backbone features. The
encoding was built for the stride-16 map (4x4 of a 64x64 image) while the features come from
the stride-32 map (2x2)."""
import math

import typedflux as tf
from typedflux import Conv, Dense

D = 32


def sine_positions(h: int, w: int, d: int) -> tf.Tensor:
    ys = tf.arange(h).reshape(h, 1, 1) * tf.ones(1, w, 1)
    xs = tf.arange(w).reshape(1, w, 1) * tf.ones(h, 1, 1)
    freqs = tf.exp(tf.arange(d // 4) * (-math.log(10000.0) / (d // 4)))
    pe = tf.concat([tf.sin(ys * freqs), tf.cos(ys * freqs), tf.sin(xs * freqs), tf.cos(xs * freqs)], axis=-1)
    return pe.reshape(h * w, d)


backbone_c5 = tf.randn(2, 64, 2, 2)
input_proj = Conv((1, 1), 64, D)
src = input_proj(backbone_c5).reshape(2, D, 4).swapaxes(1, 2)
pos = sine_positions(64 // 16, 64 // 16, D)
memory = Dense(D, D)(src + pos)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 4, 32], y has Tensor[16, 32]; need equal sizes or 1 at axis -2 (4 vs 16)  [shape]
print(memory.shape)
