"""Graph-level readout for a batch of graphs: a one-hot assignment of nodes to graphs,
(graphs, nodes), sums each graph's nodes; `onehot(batch, G)` is (nodes, graphs)."""
import typedflux as tf
from typedflux import Dense

G, F = 3, 16
batch = [0, 0, 0, 1, 1, 2, 2, 2, 2]
h = tf.randn(len(batch), F)
assign = tf.onehot(batch, G)
pooled = assign @ h  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[9, 3], w has Tensor[9, 16]; need x.shape[-1] == w.shape[-2] (3 vs 9); did you mean to transpose x (x.T)?  [shape]
print(Dense(F, 2)(pooled).shape)
