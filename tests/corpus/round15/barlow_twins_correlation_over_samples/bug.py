"""Barlow Twins: the cross-correlation of the two views' standardised embeddings is
z1.T @ z2 / N, a (D, D) matrix pushed towards the identity; it was computed over the samples,
(N, N)."""
import numpy as np

import typedflux as tf
from typedflux import Chain, Dense, relu

N, D = 8, 16
proj = Chain(Dense(32, 64, relu), Dense(64, D))
z1, z2 = proj(tf.randn(N, 32)), proj(tf.randn(N, 32))
z1 = (z1 - z1.mean(axis=0)) / (z1.std(axis=0) + 1e-5)
z2 = (z2 - z2.mean(axis=0)) / (z2.std(axis=0) + 1e-5)
c = z1 @ z2.T / N
eye = tf.tensor(np.eye(D))
loss = ((c - eye) ** 2 * (eye + 0.005 * (1 - eye))).sum()  # BUG  # E: Cannot broadcast for "sub": x has Tensor[8, 8], y has Tensor[16, 16]; need equal sizes or 1 at axis -2 (8 vs 16)  [shape]
print(loss.item())
