"""A conv VAE decoder unflattens the latent projection into the wrong channel count."""
import typedflux as tf
from typedflux import ConvTranspose, Dense

project = Dense(16, 32 * 7 * 7)
deconv = ConvTranspose((4, 4), 32, 1, stride=2, pad=1)
z = tf.randn(8, 16)
h = project(z).reshape(8, 32, 7, 7)
print(tf.sigmoid(deconv(h)).shape)
