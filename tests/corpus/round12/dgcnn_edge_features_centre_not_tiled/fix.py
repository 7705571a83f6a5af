"""DGCNN's EdgeConv concatenates each edge's (x_j - x_i, x_i) over the k nearest neighbours; the
centre features x_i (B, N, 1, C) were concatenated without being repeated along the k axis."""
import typedflux as tf
from typedflux import Dense, leakyrelu

B, N, KN, C = 2, 10, 4, 6
x = tf.randn(B, N, C)
nbr = tf.tensor([[(i + j + 1) % N for j in range(KN)] for i in range(N)])
x_j = x[:, nbr.reshape(-1)].reshape(B, N, KN, C)
x_i = tf.repeat(x.unsqueeze(2), 1, 1, KN, 1)
edge = tf.cat(x_j - x_i, x_i, axis=-1)
h = Dense(2 * C, 16, leakyrelu)(edge).max(axis=2)
print(h.shape)
