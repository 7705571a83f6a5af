"""A graph classifier's readout: node embeddings are summed over the nodes into one graph
vector; the sum ran over the features."""
from typing import Final

import typedflux as tf
from typedflux import Dense, relu

NODES: Final = 12
FEAT: Final = 16
gcn = Dense(FEAT, 32, relu)
classify = Dense(32, 3)

adj = tf.rand(NODES, NODES)
x = tf.randn(NODES, FEAT)
h = gcn(adj @ x)
graph = h.sum(axis=1, keepdims=True).T
print(classify(graph).shape)  # BUG  # E: Dense(32 => 3) expects input Tensor[..., 32], got Tensor[1, 12]; need size 32 at axis -1 (got 12)  [shape]
