"""PointNet++'s set abstraction groups K neighbours around each of S sampled centres and
centres every group on its centre: the centres need a neighbour axis (B, S, 1, 3); they were
given a leading one instead."""
import typedflux as tf
from typedflux import Dense, relu

B, N, S, K = 2, 32, 8, 4
xyz = tf.randn(B, N, 3)
centres = xyz[:, :S]
idx = tf.tensor([[i * 4 + j for j in range(K)] for i in range(S)])
grouped = xyz[:, idx.reshape(-1)].reshape(B, S, K, 3)
local = grouped - centres.unsqueeze(1)  # BUG  # E: Cannot broadcast for "sub": x has Tensor[2, 8, 4, 3], y has Tensor[2, 1, 8, 3]; need equal sizes or 1 at axis -2 (4 vs 8)  [shape]
mlp = Dense(3, 16, relu)
feats = mlp(local).max(axis=2)
print(feats.shape)
