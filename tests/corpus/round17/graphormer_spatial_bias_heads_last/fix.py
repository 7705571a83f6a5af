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
bias = Embedding(MAX_DIST, H)(spd).transpose(2, 0, 1)
attn = tf.softmax(scores + bias)
print(attn.shape)
