"""A VAE as a class: the decoder's first layer was sized for the concatenated mean and
log-variance instead of the sampled latent."""
from typing import Final, Tuple, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu, sigmoid

B = TypeVar("B", bound=int)
LATENT: Final = 8


class VAE:
    def __init__(self) -> None:
        self.enc = Chain(Dense(64, 32, relu), Dense(32, 2 * LATENT))
        self.dec = Chain(Dense(2 * LATENT, 32, relu), Dense(32, 64, sigmoid))

    def __call__(self, x: Tensor[B, 64]) -> Tuple[Tensor[B, 64], Tensor[()]]:
        mu, logvar = tf.chunk(self.enc(x), 2)
        z = mu + tf.exp(0.5 * logvar) * tf.randn(x.shape[0], LATENT)
        kl = -0.5 * (1 + logvar - mu * mu - tf.exp(logvar)).sum(axis=1).mean()
        return self.dec(z), kl  # BUG  # E: Chain layer 1 Dense(16 => 32, relu) expects input Tensor[..., 16], got Tensor[B, 8]; need size 16 at axis -1 (got 8)  [shape]


xhat, kl = VAE()(tf.rand(4, 64))
print(xhat.shape, kl.item())
