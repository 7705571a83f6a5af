"""Kipf & Welling's GCN: the adjacency with self-loops is normalised D^-1/2 (A + I) D^-1/2 from
its degree vector, and each layer computes A_norm @ X @ W with its own weight matrix of shape
(in_features, out_features); two layers, ReLU between, class scores out."""
from __future__ import annotations

import numpy as np

import typedflux as tf
from typedflux import Tensor, relu


class GraphConvolution:
    def __init__(self, in_features: int, out_features: int) -> None:
        self.weight = tf.randn(out_features, in_features) * 0.1
        self.bias = tf.zeros(out_features)

    def __call__(self, x: Tensor, adj: Tensor) -> Tensor:
        support = x @ self.weight
        return adj @ support + self.bias


def normalize(adj: np.ndarray) -> Tensor:
    a_hat = adj + np.eye(adj.shape[0])
    d_inv_sqrt = a_hat.sum(axis=1) ** -0.5
    return tf.tensor(d_inv_sqrt[:, None] * a_hat * d_inv_sqrt[None, :])


class GCN:
    def __init__(self, nfeat: int, nhid: int, nclass: int) -> None:
        self.gc1 = GraphConvolution(nfeat, nhid)
        self.gc2 = GraphConvolution(nhid, nclass)

    def __call__(self, x: Tensor, adj: Tensor) -> Tensor:
        return self.gc2(relu(self.gc1(x, adj)), adj)


adj = normalize(np.array([[0.0, 1, 0, 1], [1, 0, 1, 0], [0, 1, 0, 1], [1, 0, 1, 0]]))
model = GCN(6, 5, 3)
out = model(tf.randn(4, 6), adj)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[4, 6], w has Tensor[5, 6]; need x.shape[-1] == w.shape[-2] (6 vs 5); did you mean to transpose w (w.T)?  [shape]
print(out.shape)
