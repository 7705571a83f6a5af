"""A diffusion U-Net adds the time embedding to conv features without making it [B, C, 1, 1]."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, swish

time_mlp = Chain(Dense(32, 128, swish), Dense(128, 64))
conv = Conv((3, 3), 64, 64, swish, pad=1)
h = tf.randn(4, 64, 8, 8)
temb = time_mlp(tf.randn(4, 32))
h = conv(h + temb)  # BUG  # E: Cannot broadcast for "add": x has Tensor[4, 64, 8, 8], y has Tensor[4, 64]; need equal sizes or 1 at axis -2 (8 vs 4)  [shape]
print(h.shape)
