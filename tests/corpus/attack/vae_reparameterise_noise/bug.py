"""A VAE's reparameterisation draws noise of the wrong latent size."""
import typedflux as tf
from typedflux import Chain, Dense, relu

LATENT = 20
encoder = Chain(Dense(784, 256, relu))
to_mu, to_logvar = Dense(256, LATENT), Dense(256, LATENT)
x = tf.rand(16, 784)
h = encoder(x)
mu, logvar = to_mu(h), to_logvar(h)
eps = tf.randn(16, 10)
z = mu + tf.exp(0.5 * logvar) * eps  # BUG  # E: Cannot broadcast for "mul": x has Tensor[16, 20], y has Tensor[16, 10]; need equal sizes or 1 at axis -1 (20 vs 10)  [shape]
print(z.shape)
