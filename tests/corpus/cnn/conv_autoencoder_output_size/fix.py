"""A conv autoencoder whose decoder upsamples 28 -> 13 -> 27, then the loss against 28x28."""
import typedflux as tf
from typedflux import Chain, Conv, ConvTranspose, relu, sigmoid

autoencoder = Chain(
    Conv((3, 3), 1, 8, relu, stride=2, pad=1),
    Conv((3, 3), 8, 16, relu, stride=2, pad=1),
    ConvTranspose((2, 2), 16, 8, relu, stride=2),
    ConvTranspose((2, 2), 8, 1, sigmoid, stride=2),
)
x = tf.rand(2, 1, 28, 28)
print(tf.losses.mse(autoencoder(x), x).item())
