"""PointNet's classifier: a shared MLP over points written as 1x1 convs on (B, 3, N, 1), a max
over the points for the global feature, then fully connected layers to the classes; the
global feature width is the last conv's channels."""
from __future__ import annotations

import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Dense, Dropout, Tensor, relu


class PointNetCls:
    def __init__(self, k: int = 4) -> None:
        self.feat = Chain(
            Conv((1, 1), 3, 16), BatchNorm(16), relu,
            Conv((1, 1), 16, 32), BatchNorm(32), relu,
            Conv((1, 1), 32, 64), BatchNorm(64),
        )
        self.fc1 = Dense(128, 32, relu)
        self.dropout = Dropout(0.3)
        self.fc2 = Dense(32, k)

    def __call__(self, points: Tensor) -> Tensor:
        x = self.feat(points)
        x = x.max(axis=2)[:, :, 0]
        return self.fc2(self.dropout(self.fc1(x)))  # BUG  # E: Dense(128 => 32, relu) expects input Tensor[..., 128], got Tensor[?, 64]; need size 128 at axis -1 (got 64)  [shape]


model = PointNetCls()
cloud = tf.randn(2, 3, 128, 1)
logits = model(cloud)
print(logits.shape)
