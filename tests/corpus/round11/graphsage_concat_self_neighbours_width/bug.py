"""GraphSAGE's mean aggregator concatenates a node's features with the mean of its neighbours'
(dense adjacency), so the layer's weight reads twice the feature width."""
import typedflux as tf
from typedflux import Dense, relu

N, F, H = 5, 12, 16
adj = tf.tensor([[0, 1, 1, 0, 0], [1, 0, 0, 1, 0], [1, 0, 0, 1, 1], [0, 1, 1, 0, 0], [0, 0, 1, 0, 0]]).reshape(N, N) * 1.0
x = tf.randn(N, F)
deg = adj.sum(axis=1, keepdims=True)
neigh = (adj @ x) / deg
lin = Dense(F, H, relu)
h = lin(tf.concat([x, neigh], axis=1))  # BUG  # E: Dense(12 => 16, relu) expects input Tensor[..., 12], got Tensor[5, 24]; need size 12 at axis -1 (got 24)  [shape]
print(h.shape)
