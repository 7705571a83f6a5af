"""GraphSAGE with the mean aggregator: each node's neighbour mean (adj @ x / degree) is
concatenated with its own features, so each layer's Dense reads twice the input width, and the
output is L2-normalised."""
from __future__ import annotations

from typing import List

import typedflux as tf
from typedflux import Dense, Tensor, relu


class SAGEConv:
    def __init__(self, cin: int, cout: int) -> None:
        self.lin = Dense(2 * cin, cout)

    def __call__(self, x: Tensor, adj: Tensor) -> Tensor:
        deg = adj.sum(axis=1, keepdims=True)
        neigh = (adj @ x) / deg
        h = self.lin(tf.cat(x, neigh, axis=1))
        return h / tf.sqrt((h * h).sum(axis=1, keepdims=True) + 1e-6)


class GraphSAGE:
    def __init__(self, sizes: List[int]) -> None:
        self.convs = [SAGEConv(a, b) for a, b in zip(sizes[:-1], sizes[1:])]

    def __call__(self, x: Tensor, adj: Tensor) -> Tensor:
        for conv in self.convs:
            x = relu(conv(x, adj))
        return x


adj = tf.tensor([[0.0, 1, 1, 0], [1, 0, 1, 0], [1, 1, 0, 1], [0, 0, 1, 0]])
model = GraphSAGE([10, 16, 8])
emb = model(tf.randn(4, 10), adj)
print(emb.shape)
