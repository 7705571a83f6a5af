"""PointNet's feature transform: a T-Net predicts a 64x64 matrix from the pooled features and
the per-point features are multiplied by it. The regressor outputs 3x3 = 9 numbers."""
import numpy as np

import typedflux as tf
from typedflux import Chain, Dense, relu

K = 64
tnet = Chain(Dense(K, 128, relu), Dense(128, 256, relu))
regress = Dense(256, K * K)
feats = tf.randn(2, 100, K)
g = tnet(feats).max(axis=1)
T = regress(g).reshape(2, K, K) + tf.tensor(np.eye(K, dtype=np.float32))
print((feats @ T).shape)
