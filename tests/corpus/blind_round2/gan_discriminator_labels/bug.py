"""A GAN's generator loss: the discriminator gives Tensor[64, 1], the real labels are a vector."""
import typedflux as tf
from typedflux import Chain, Dense, leakyrelu, sigmoid, tanh

generator = Chain(Dense(100, 256, leakyrelu), Dense(256, 784, tanh))
discriminator = Chain(Dense(28 * 28, 256, leakyrelu), Dense(256, 1, sigmoid))

z = tf.randn(64, 100)
fake = generator(z)
real_labels = tf.ones(64)
g_loss = tf.losses.binarycrossentropy(discriminator(fake), real_labels)  # BUG  # E: Shapes differ for "binarycrossentropy": prediction has Tensor[64, 1], target has Tensor[64]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[64, 1] or squeeze the prediction  [shape]
print(g_loss.item())
