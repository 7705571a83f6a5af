"""A conv VAE: encoder to mu/logvar by one Dense split in two, reparameterisation with randn
of mu's shape, a decoder through ConvTranspose, the ELBO with a beta warm-up, sampling from
the prior, interpolation between two latents."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Tuple

import typedflux as tf
from typedflux import Chain, Conv, ConvTranspose, Dense, Flatten, relu, sigmoid


@dataclass(frozen=True)
class VAEConfig:
    latent: int = 8
    size: int = 16
    ch: int = 8


class Encoder:
    def __init__(self, cfg: VAEConfig) -> None:
        self.body = Chain(Conv((4, 4), 1, cfg.ch, relu, stride=2, pad=1),
                          Conv((4, 4), cfg.ch, 2 * cfg.ch, relu, stride=2, pad=1), Flatten())
        flat = 2 * cfg.ch * (cfg.size // 4) ** 2
        self.stats = Dense(flat, 2 * cfg.latent)
        self.latent = cfg.latent

    def __call__(self, x: tf.Tensor) -> Tuple[tf.Tensor, tf.Tensor]:
        mu, logvar = tf.chunk(self.stats(self.body(x)), 2, axis=-1)
        return mu, logvar


class Decoder:
    def __init__(self, cfg: VAEConfig) -> None:
        self.cfg = cfg
        self.fc = Dense(cfg.latent, 2 * cfg.ch * (cfg.size // 4) ** 2, relu)
        self.up = Chain(ConvTranspose((4, 4), 2 * cfg.ch, cfg.ch, relu, stride=2, pad=1),
                        ConvTranspose((4, 4), cfg.ch, 1, sigmoid, stride=2, pad=1))

    def __call__(self, z: tf.Tensor) -> tf.Tensor:
        s = self.cfg.size // 4
        h = self.fc(z).reshape(z.shape[0], 2 * self.cfg.ch, s, s)
        return self.up(h)


class VAE:
    def __init__(self, cfg: VAEConfig) -> None:
        self.enc = Encoder(cfg)
        self.dec = Decoder(cfg)

    @staticmethod
    def reparameterise(mu: tf.Tensor, logvar: tf.Tensor) -> tf.Tensor:
        eps = tf.randn(*mu.shape)
        return mu + eps * tf.exp(logvar * 0.5)

    def __call__(self, x: tf.Tensor) -> Tuple[tf.Tensor, tf.Tensor, tf.Tensor]:
        mu, logvar = self.enc(x)
        z = self.reparameterise(mu, logvar)
        return self.dec(z), mu, logvar


def elbo(model: VAE, x: tf.Tensor, beta: float) -> tf.Tensor:
    recon, mu, logvar = model(x)
    rec = tf.losses.binarycrossentropy(recon, x)
    kl = -0.5 * tf.mean(1 + logvar - mu * mu - tf.exp(logvar))
    return rec + beta * kl


def main() -> None:
    cfg = VAEConfig()
    vae = VAE(cfg)
    x = tf.rand(32, 1, cfg.size, cfg.size)
    state = tf.setup(tf.Adam(1e-3), vae)
    step = 0
    for epoch in range(2):
        for (xb,) in tf.DataLoader((x,), batchsize=8):
            beta = min(1.0, step / 10)
            loss, g = tf.withgradient(lambda m, b: elbo(m, b, beta), vae, xb)
            state, vae = tf.update(state, vae, g[0])
            step += 1
    z = tf.randn(4, cfg.latent)
    samples = vae.dec(z)
    mu_a, _ = vae.enc(x[:1])
    mu_b, _ = vae.enc(x[1:2])
    path = tf.cat(*[mu_a * (1 - a) + mu_b * a for a in (0.0, 0.25, 0.5, 0.75, 1.0)], axis=0)
    print(samples.shape, vae.dec(path).shape)


main()
