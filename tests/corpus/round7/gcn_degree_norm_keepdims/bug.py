"""A GCN layer normalises the aggregated features by node degree; the degree was reduced
without keeping its axis, so it broadcasts against the features."""
import typedflux as tf
from typedflux import Dense, relu

adj = tf.tensor([[1.0, 1.0, 0.0, 0.0], [1.0, 1.0, 1.0, 0.0],
                 [0.0, 1.0, 1.0, 1.0], [0.0, 0.0, 1.0, 1.0]])
x = tf.randn(4, 6)
lin = Dense(6, 6, relu)
deg = adj.sum(axis=1)
h = lin((adj @ x) / deg)  # BUG  # E: Cannot broadcast for "div": x has Tensor[4, 6], y has Tensor[4]; need equal sizes or 1 at axis -1 (6 vs 4); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]
print(h.shape)
