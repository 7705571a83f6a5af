"""A DCGAN for MNIST: the generator was copied from a CIFAR example and makes 3-channel
images; the discriminator takes 1 channel."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, ConvTranspose, Flatten, Dense, leakyrelu, relu

Z = 16
generator = Chain(
    ConvTranspose((4, 4), Z, 64, stride=1), BatchNorm(64), relu,
    ConvTranspose((4, 4), 64, 32, stride=2, pad=1), BatchNorm(32), relu,
    ConvTranspose((4, 4), 32, 1, stride=2, pad=1), tf.tanh,
)
discriminator = Chain(
    Conv((4, 4), 1, 32, leakyrelu, stride=2, pad=1),
    Conv((4, 4), 32, 64, leakyrelu, stride=2, pad=1),
    Flatten(), Dense(64 * 4 * 4, 1),
)
z = tf.randn(8, Z, 1, 1)
fake = generator(z)
score = discriminator(fake)
print(score.shape)
