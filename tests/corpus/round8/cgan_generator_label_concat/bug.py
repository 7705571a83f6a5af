"""A conditional GAN's generator input is the noise concatenated with the one-hot label;
its first layer was sized for the noise alone."""
from typing import Final

import typedflux as tf
from typedflux import Chain, Dense, relu, tanh

Z: Final = 32
N_CLASSES: Final = 10
G = Chain(Dense(Z, 128, relu), Dense(128, 784, tanh))

z = tf.randn(8, Z)
labels = tf.onehot([i % N_CLASSES for i in range(8)], N_CLASSES)
fake = G(tf.concat([z, labels], axis=1))  # BUG  # E: Chain layer 1 Dense(32 => 128, relu) expects input Tensor[..., 32], got Tensor[8, 42]; need size 32 at axis -1 (got 42)  [shape]
print(fake.shape)
