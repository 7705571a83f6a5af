"""APPNP: predictions h0 = MLP(x) are propagated K times over the normalised adjacency with a
teleport back to h0, h = (1 - a) * A @ h + a * h0; the teleport term must be the projected
predictions, not the raw node features."""
import typedflux as tf
from typedflux import Chain, Dense, relu

N, F, C, K = 12, 24, 5, 3
alpha = 0.1
x = tf.randn(N, F)
adj = tf.tensor([[1.0 if abs(i - j) <= 1 else 0.0 for j in range(N)] for i in range(N)])
adj_norm = adj / adj.sum(axis=1, keepdims=True)
mlp = Chain(Dense(F, 16, relu), Dense(16, C))
h0 = mlp(x)
h = h0
for _ in range(K):
    h = (1 - alpha) * (adj_norm @ h) + alpha * x  # BUG  # E: Cannot broadcast for "add": x has Tensor[12, 5], y has Tensor[12, 24]; need equal sizes or 1 at axis -1 (5 vs 24)  [shape]
print(h.shape)
