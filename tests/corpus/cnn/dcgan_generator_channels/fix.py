"""A DCGAN generator projects noise and reshapes it to a feature map of the wrong depth."""
import typedflux as tf
from typedflux import BatchNorm, Chain, ConvTranspose, Dense, relu, tanh

project = Dense(16, 32 * 4 * 4)
upsample = Chain(
    ConvTranspose((4, 4), 32, 16, stride=2, pad=1),
    BatchNorm(16, relu),
    ConvTranspose((4, 4), 16, 3, tanh, stride=2, pad=1),
)
z = tf.randn(2, 16)
fmap = project(z).reshape(2, 32, 4, 4)
print(upsample(fmap).shape)
