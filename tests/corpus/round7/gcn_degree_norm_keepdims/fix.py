"""A GCN layer normalises the aggregated features by node degree; the degree was reduced
without keeping its axis, so it broadcasts against the features."""
import typedflux as tf
from typedflux import Dense, relu

adj = tf.tensor([[1.0, 1.0, 0.0, 0.0], [1.0, 1.0, 1.0, 0.0],
                 [0.0, 1.0, 1.0, 1.0], [0.0, 0.0, 1.0, 1.0]])
x = tf.randn(4, 6)
lin = Dense(6, 6, relu)
deg = adj.sum(axis=1, keepdims=True)
h = lin((adj @ x) / deg)
print(h.shape)
