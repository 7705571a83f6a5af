"""CoAtNet's relative attention: a learned bias per head and pair of positions, (H, N, N), added
to the scores (B, H, N, N); the bias gathered from the table as (N, N, H) was not moved to
heads first."""
import math

import numpy as np

import typedflux as tf

B, H, N, D = 2, 4, 9, 8
table = tf.randn(25, H)
coords = np.stack(np.meshgrid(np.arange(3), np.arange(3), indexing="ij")).reshape(2, -1)
rel = coords[:, :, None] - coords[:, None, :] + 2
index = tf.tensor((rel[0] * 5 + rel[1]).reshape(-1))
bias = table[index].reshape(N, N, H)
q, k = tf.randn(B, H, N, D), tf.randn(B, H, N, D)
scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(D) + bias  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 4, 9, 9], y has Tensor[9, 9, 4]; need equal sizes or 1 at axis -3 (4 vs 9)  [shape]
print(tf.softmax(scores, axis=-1).shape)
