"""A VAE written PyTorch-style with `encode`, `reparameterize` and `decode` methods; the
decoder's first layer was sized for the hidden width instead of the latent."""
from typing import Tuple

import typedflux as tf
from typedflux import Dense, relu, sigmoid


class VAE:
    def __init__(self) -> None:
        self.fc1 = Dense(64, 32, relu)
        self.mu = Dense(32, 8)
        self.logvar = Dense(32, 8)
        self.fc3 = Dense(32, 32, relu)
        self.fc4 = Dense(32, 64, sigmoid)

    def encode(self, x: tf.Tensor) -> Tuple[tf.Tensor, tf.Tensor]:
        h = self.fc1(x)
        return self.mu(h), self.logvar(h)

    def reparameterize(self, mu: tf.Tensor, logvar: tf.Tensor) -> tf.Tensor:
        return mu + tf.exp(0.5 * logvar) * tf.randn(mu.shape[0], mu.shape[1])

    def decode(self, z: tf.Tensor) -> tf.Tensor:
        return self.fc4(self.fc3(z))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        mu, logvar = self.encode(x)
        return self.decode(self.reparameterize(mu, logvar))


print(VAE()(tf.rand(4, 64)).shape)  # BUG  # E: Dense(32 => 32, relu) expects input Tensor[..., 32], got Tensor[4, 8]; need size 32 at axis -1 (got 8)  [shape]
