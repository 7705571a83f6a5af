"""Latent diffusion: the VAE encodes an RGB image to 4 latent channels at 1/8 the size, and the
U-Net's first conv reads those 4 latent channels, not the image's 3."""
import typedflux as tf
from typedflux import Chain, Conv, swish

vae_encoder = Chain(
    Conv((3, 3), 3, 32, swish, stride=2, pad=1),
    Conv((3, 3), 32, 64, swish, stride=2, pad=1),
    Conv((3, 3), 64, 8, stride=2, pad=1),
)
conv_in = Conv((3, 3), 4, 64, pad=1)
image = tf.randn(1, 3, 64, 64)
moments = vae_encoder(image)
mean, logvar = tf.chunk(moments, 2, axis=1)
latent = mean * 0.18215
h = conv_in(latent)
print(h.shape)
