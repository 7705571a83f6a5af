"""A DDPM residual block adds the projected time embedding to the first conv's output; the
projection was sized for the block's input channels."""
import math

import typedflux as tf
from typedflux import Chain, Conv, Dense, swish

HALF = 16
freqs = tf.exp(tf.arange(HALF) * (-math.log(10000.0) / HALF))
t = tf.tensor([3.0, 50.0])
args = t.reshape(2, 1) * freqs.reshape(1, HALF)
temb = tf.cat(tf.sin(args), tf.cos(args), axis=-1)

time_mlp = Chain(Dense(2 * HALF, 128, swish), Dense(128, 128))
conv1 = Conv((3, 3), 16, 64, pad=1)
time_proj = Dense(128, 16)

x = tf.randn(2, 16, 8, 8)
h = conv1(x)
h = h + time_proj(time_mlp(temb))[:, :, None, None]  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 64, 8, 8], y has Tensor[2, 16, 1, 1]; need equal sizes or 1 at axis -3 (64 vs 16)  [shape]
print(h.shape)
