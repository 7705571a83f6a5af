"""PointNet's classifier: a shared MLP per point, a symmetric max over the points, then the
classification MLP. The max was taken over the feature axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
shared = Chain(Dense(3, 64, relu), Dense(64, 1024, relu))
classify = Chain(Dense(1024, 256, relu), Dense(256, 40))


def pointnet(pts: Tensor[B, N, 3]) -> Tensor[B, 40]:
    g = shared(pts).max(axis=1)
    return classify(g)


print(pointnet(tf.randn(2, 50, 3)).shape)
