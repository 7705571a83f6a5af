"""PointNet: the global feature is a max over the points; it was taken over the features."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
shared = Chain(Dense(3, 32, relu), Dense(32, 64, relu))
head = Chain(Dense(64, 32, relu), Dense(32, 10))


def classify(points: Tensor[B, N, 3]) -> Tensor[B, 10]:
    feats = shared(points)
    pooled = feats.max(axis=1)
    return head(pooled)


print(classify(tf.randn(2, 50, 3)).shape)
