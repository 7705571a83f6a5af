"""SimCLR: a small ResNet-ish encoder pooled to h (n_features wide), a projection head
Dense(n_features, n_features) -> relu -> Dense(n_features, projection_dim) giving z, two augmented
views encoded with the same weights, and the NT-Xent loss over the 2N normalised projections
(similarities masked on the diagonal, positives at i +- N)."""
from __future__ import annotations

from typing import Tuple

import numpy as np

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Tensor, relu


class SimCLR:
    def __init__(self, n_features: int = 32, projection_dim: int = 16) -> None:
        self.encoder = Chain(
            Conv((3, 3), 3, 16, pad=1), BatchNorm(16, relu),
            Conv((3, 3), 16, n_features, stride=2, pad=1), BatchNorm(n_features, relu),
        )
        self.n_features = n_features
        self.projector = Chain(
            Dense(projection_dim, self.n_features, bias=False),
            relu,
            Dense(self.n_features, projection_dim, bias=False),
        )

    def __call__(self, x_i: Tensor, x_j: Tensor) -> Tuple[Tensor, Tensor, Tensor, Tensor]:
        h_i = self.encoder(x_i).mean(axis=(2, 3))
        h_j = self.encoder(x_j).mean(axis=(2, 3))
        z_i = self.projector(h_i)
        z_j = self.projector(h_j)
        return h_i, h_j, z_i, z_j


def nt_xent(z_i: Tensor, z_j: Tensor, temperature: float = 0.5) -> Tensor:
    n = z_i.shape[0]
    z = tf.cat(z_i, z_j, axis=0)
    z = z / tf.sqrt((z * z).sum(axis=1, keepdims=True))
    sim = (z @ z.T) / temperature
    mask = tf.tensor(np.eye(2 * n) * -1e9)
    sim = sim + mask
    targets = np.concatenate([np.arange(n, 2 * n), np.arange(0, n)])
    logprobs = tf.logsoftmax(sim, axis=1)
    picked = tf.take_along_axis(logprobs, tf.tensor(targets.reshape(-1, 1)), axis=1)
    return -picked.mean()


model = SimCLR()
x = tf.randn(4, 3, 8, 8)
h_i, h_j, z_i, z_j = model(x, x * 0.9)  # BUG  # E: Chain layer 1 Dense(16 => 32, bias=False) expects input Tensor[..., 16], got Tensor[4, 32]; need size 16 at axis -1 (got 32)  [shape]
loss = nt_xent(z_i, z_j)
print(loss.shape, z_i.shape)
