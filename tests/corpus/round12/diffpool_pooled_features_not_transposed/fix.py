"""DiffPool coarsens a graph with a soft assignment S (N nodes x K clusters): the pooled
features are S^T X (K, D) and the pooled adjacency S^T A S; the features were pooled with S
itself."""
import typedflux as tf
from typedflux import Dense, relu

N, D, K = 10, 16, 4
x = tf.randn(N, D)
adj = (tf.rand(N, N) > 0.5) * 1.0
embed = Dense(D, D, relu)
assign = Dense(D, K)
z = embed(adj @ x)
s = tf.softmax(assign(adj @ x), axis=-1)
x_pooled = s.T @ z
adj_pooled = s.T @ adj @ s
print(x_pooled.shape, adj_pooled.shape)
