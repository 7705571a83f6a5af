"""NeRF's positional encoding: each coordinate goes through sin and cos at L frequencies
2^k * pi * p and the raw coordinates are kept, so a 3-d point becomes 3 + 3*2*L features; the
MLP's first layer must take that width, and a skip re-injects the encoding mid-network."""
from __future__ import annotations

import math

import typedflux as tf
from typedflux import Dense, Tensor, relu


def positional_encoding(p: Tensor, n_freqs: int) -> Tensor:
    out = [p]
    for k in range(n_freqs):
        out.append(tf.sin((2.0 ** k) * math.pi * p))
        out.append(tf.cos((2.0 ** k) * math.pi * p))
    return tf.cat(*out, axis=-1)


class NeRF:
    def __init__(self, n_freqs: int = 4, width: int = 32) -> None:
        self.n_freqs = n_freqs
        in_dim = 3 + 3 * 2 * n_freqs
        self.fc1 = Dense(in_dim, width, relu)
        self.fc2 = Dense(width, width, relu)
        self.fc3 = Dense(width + in_dim, width, relu)
        self.out = Dense(width, 4)

    def __call__(self, xyz: Tensor) -> Tensor:
        enc = positional_encoding(xyz, self.n_freqs)
        h = self.fc2(self.fc1(enc))
        h = self.fc3(tf.cat(h, enc, axis=-1))
        return self.out(h)


model = NeRF()
points = tf.rand(64, 3)
rgb_sigma = model(points)
print(rgb_sigma.shape)
