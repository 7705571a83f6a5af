"""DGCNN's EdgeConv concatenates each edge's (x_j - x_i, x_i) over the k nearest neighbours; the
centre features x_i (B, N, 1, C) were concatenated without being repeated along the k axis."""
import typedflux as tf
from typedflux import Dense, leakyrelu

B, N, KN, C = 2, 10, 4, 6
x = tf.randn(B, N, C)
nbr = tf.tensor([[(i + j + 1) % N for j in range(KN)] for i in range(N)])
x_j = x[:, nbr.reshape(-1)].reshape(B, N, KN, C)
x_i = x.unsqueeze(2)
edge = tf.cat(x_j - x_i, x_i, axis=-1)  # BUG  # E: Sizes differ for "cat": xs[0] has Tensor[2, 10, 4, 6], xs[1] has Tensor[2, 10, 1, 6]; need equal sizes except at axis 3 (4 vs 1 at axis 2)  [shape]
h = Dense(2 * C, 16, leakyrelu)(edge).max(axis=2)
print(h.shape)
