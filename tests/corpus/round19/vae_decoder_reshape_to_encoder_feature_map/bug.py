"""A convolutional VAE: the encoder downsamples twice and flattens; fc_mu and fc_logvar give
the latent statistics; reparameterize samples z = mu + eps * exp(0.5 * logvar); the decoder
maps z back to the flattened feature map, views it as (B, 16, 2, 2) and upsamples with
transposed convs; the loss adds the KL term."""
from __future__ import annotations

from typing import Tuple

import typedflux as tf
from typedflux import Chain, Conv, ConvTranspose, Dense, Flatten, Tensor, relu, sigmoid


class VAE:
    def __init__(self, latent: int = 4) -> None:
        self.encoder = Chain(
            Conv((3, 3), 1, 8, relu, stride=2, pad=1),
            Conv((3, 3), 8, 16, relu, stride=2, pad=1),
            Flatten(),
        )
        self.fc_mu = Dense(16 * 2 * 2, latent)
        self.fc_logvar = Dense(16 * 2 * 2, latent)
        self.fc_dec = Dense(latent, 16 * 2 * 2)
        self.decoder = Chain(
            ConvTranspose((2, 2), 16, 8, relu, stride=2),
            ConvTranspose((2, 2), 8, 1, sigmoid, stride=2),
        )

    def reparameterize(self, mu: Tensor, logvar: Tensor) -> Tensor:
        std = tf.exp(0.5 * logvar)
        eps = tf.randn(*std.shape)
        return mu + eps * std

    def decode(self, z: Tensor) -> Tensor:
        h = self.fc_dec(z).reshape(z.shape[0], 16, 4, 4)
        return self.decoder(h)

    def __call__(self, x: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        h = self.encoder(x)
        mu, logvar = self.fc_mu(h), self.fc_logvar(h)
        return self.decode(self.reparameterize(mu, logvar)), mu, logvar


model = VAE()
x = tf.rand(3, 1, 8, 8)
recon, mu, logvar = model(x)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[3, 64], target is (3, 16, 4, 4); need equal element counts (192 vs 768)  [shape]
bce = tf.losses.binarycrossentropy(recon, x)
kld = -0.5 * (1 + logvar - mu * mu - tf.exp(logvar)).sum()
print(float(bce + kld))
