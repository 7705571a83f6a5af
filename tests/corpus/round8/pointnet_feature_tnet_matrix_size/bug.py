"""PointNet's feature transform: the T-Net's last layer must give k*k numbers, viewed as a
k x k matrix; it was left at the input transform's 3*3."""
from typing import Final

import typedflux as tf
from typedflux import Chain, Dense, relu

K: Final = 16
tnet = Chain(Dense(K, 64, relu), Dense(64, 128, relu))
tnet_head = Dense(128, 3 * 3)

points = tf.randn(4, 32, K)                 # batch, points, features
pooled = tnet(points).max(axis=1)           # Tensor[4, 128]
transform = tnet_head(pooled).reshape(4, K, K)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[4, 9], target is (4, 16, 16); need equal element counts (36 vs 1024)  [shape]
aligned = points @ transform
print(aligned.shape)
