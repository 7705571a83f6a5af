"""VAE-GAN: the discriminator's features of real and reconstructed images are compared; the
decoder's last layer made grey images (1 channel) for RGB data."""
import typedflux as tf
from typedflux import Chain, Conv, ConvTranspose, Dense, Flatten, relu

Z = 8
encoder = Chain(Conv((4, 4), 3, 16, relu, stride=2, pad=1), Flatten(), Dense(16 * 8 * 8, 2 * Z))
decoder = Chain(
    Dense(Z, 16 * 8 * 8, relu),
    lambda h: h.reshape(h.shape[0], 16, 8, 8),
    ConvTranspose((4, 4), 16, 3, stride=2, pad=1),
    tf.tanh,
)
disc_features = Chain(Conv((4, 4), 3, 16, relu, stride=2, pad=1), Conv((4, 4), 16, 32, relu, stride=2, pad=1))

x = tf.randn(2, 3, 16, 16)
mu, logvar = tf.chunk(encoder(x), 2)
z = mu + tf.exp(0.5 * logvar) * tf.randn(2, Z)
x_recon = decoder(z)
feature_loss = tf.losses.mse(disc_features(x_recon), disc_features(x))
print(feature_loss.item())
