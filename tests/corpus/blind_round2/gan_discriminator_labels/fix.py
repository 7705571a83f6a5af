"""A GAN's generator loss: the discriminator gives Tensor[64, 1], the real labels are a vector."""
import typedflux as tf
from typedflux import Chain, Dense, leakyrelu, sigmoid, tanh

generator = Chain(Dense(100, 256, leakyrelu), Dense(256, 784, tanh))
discriminator = Chain(Dense(28 * 28, 256, leakyrelu), Dense(256, 1, sigmoid))

z = tf.randn(64, 100)
fake = generator(z)
real_labels = tf.ones(64, 1)
g_loss = tf.losses.binarycrossentropy(discriminator(fake), real_labels)
print(g_loss.item())
