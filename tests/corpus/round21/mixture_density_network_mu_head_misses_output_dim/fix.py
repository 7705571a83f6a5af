"""A mixture density network (Bishop; as pytorch-mdn writes it): a shared tanh trunk, heads for
the mixture weights pi (K), the standard deviations sigma (K * O, exp) and the means mu
(K * O), reshaped to (B, K, O); the negative log likelihood of targets (B, O) under the
mixture, with a logsumexp over components."""
from __future__ import annotations

import math
from typing import Tuple

import typedflux as tf
from typedflux import Dense, Tensor, tanh


class MDN:
    def __init__(self, in_features: int, out_features: int, num_gaussians: int, hidden: int = 24) -> None:
        self.K = num_gaussians
        self.O = out_features
        self.trunk = Dense(in_features, hidden, tanh)
        self.pi = Dense(hidden, num_gaussians)
        self.sigma = Dense(hidden, out_features * num_gaussians)
        self.mu = Dense(hidden, out_features * num_gaussians)

    def __call__(self, x: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
        h = self.trunk(x)
        log_pi = tf.logsoftmax(self.pi(h), axis=-1)
        sigma = tf.exp(self.sigma(h)).reshape(-1, self.K, self.O)
        mu = self.mu(h).reshape(-1, self.K, self.O)
        return log_pi, sigma, mu


def mdn_nll(log_pi: Tensor, sigma: Tensor, mu: Tensor, target: Tensor) -> Tensor:
    z = (target[:, None, :] - mu) / sigma
    log_prob = (-0.5 * z * z - tf.log(sigma) - 0.5 * math.log(2 * math.pi)).sum(axis=-1)
    return -tf.logsumexp(log_pi + log_prob, axis=-1).mean()


model = MDN(in_features=3, out_features=2, num_gaussians=5)
log_pi, sigma, mu = model(tf.randn(16, 3))
loss = mdn_nll(log_pi, sigma, mu, tf.randn(16, 2))
print(loss.item())
