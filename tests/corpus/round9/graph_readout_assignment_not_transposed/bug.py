"""Graph-level readout for a batch of graphs: a one-hot assignment of nodes to graphs,
(graphs, nodes), sums each graph's nodes; `onehot(batch, G)` is (nodes, graphs)."""
import typedflux as tf
from typedflux import Dense

G, F = 3, 16
batch = [0, 0, 0, 1, 1, 2, 2, 2, 2]
h = tf.randn(len(batch), F)
assign = tf.onehot(batch, G)
pooled = assign @ h  # BUG[gap checker: len() of a module-level list bound once (batch = [0, 0, 0, 1, ...], whose length tf.onehot(batch, G) knows: Tensor[9, 3]) is an unknown size as an argument of tf.randn (Tensor[Any, 16]), so the matmul's inner dims (3 vs 9) are not compared]
print(Dense(F, 2)(pooled).shape)
