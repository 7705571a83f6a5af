"""GraphSAGE with the mean aggregator (Hamilton et al.): each SAGEConv averages the neighbours'
features with a row-normalised adjacency, concatenates the node's own features with the
aggregate (so its weight reads 2 * in_feats), applies a Dense and L2-normalises; two layers and a
node classifier."""
from __future__ import annotations

import numpy as np

import typedflux as tf
from typedflux import Dense, Tensor, relu


class SAGEConv:
    def __init__(self, in_feats: int, out_feats: int) -> None:
        self.in_feats = in_feats
        self.fc = Dense(2 * in_feats, out_feats)

    def __call__(self, adj: Tensor, h: Tensor) -> Tensor:
        deg = adj.sum(axis=1, keepdims=True) + 1.0
        h_neigh = (adj @ h) / deg
        h_cat = tf.cat(h, h_neigh, axis=1)
        out = self.fc(h_cat)
        return out / tf.sqrt((out * out).sum(axis=1, keepdims=True) + 1e-6)


class GraphSAGE:
    def __init__(self, in_feats: int, n_hidden: int, n_classes: int) -> None:
        self.layer1 = SAGEConv(in_feats, n_hidden)
        self.layer2 = SAGEConv(n_hidden, n_hidden)
        self.classify = Dense(n_hidden, n_classes)

    def __call__(self, adj: Tensor, features: Tensor) -> Tensor:
        h = relu(self.layer1(adj, features))
        h = relu(self.layer2(adj, h))
        return self.classify(h)


num_nodes = 12
adj = tf.tensor((np.random.rand(num_nodes, num_nodes) > 0.7).astype(np.float32))
features = tf.randn(num_nodes, 20)
model = GraphSAGE(20, 16, 4)
logits = model(adj, features)
print(logits.shape)
