"""Graphormer's spatial encoding: a learned bias per attention head for each shortest-path
distance, Embedding(max_dist, heads)(spd) of shape (N, N, H), moved to (H, N, N) before it is
added to the per-head scores."""
import typedflux as tf
from typedflux import Dense, Embedding

N, D, H, MAX_DIST = 10, 32, 4, 6
spd = tf.tensor([[min(abs(i - j), MAX_DIST - 1) for j in range(N)] for i in range(N)])
x = tf.randn(N, D)
q = Dense(D, D)(x).reshape(N, H, D // H).swapaxes(0, 1)
k = Dense(D, D)(x).reshape(N, H, D // H).swapaxes(0, 1)
scores = q @ k.swapaxes(-1, -2)
bias = Embedding(MAX_DIST, H)(spd)
attn = tf.softmax(scores + bias)  # BUG  # E: Cannot broadcast for "add": x has Tensor[4, 10, 10], y has Tensor[10, 10, 4]; need equal sizes or 1 at axis -3 (4 vs 10)  [shape]
print(attn.shape)
