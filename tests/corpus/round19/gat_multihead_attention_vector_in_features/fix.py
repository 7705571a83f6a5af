"""A multi-head GAT layer (Velickovic et al.) written dense: W projects node features to
heads * out_features, split per head; the attention logits are a_src . Wh_i + a_dst . Wh_j
with learned vectors a_src, a_dst of shape (heads, out_features), LeakyReLU, masked by the
adjacency, softmax over neighbours; heads are concatenated."""
from __future__ import annotations

import numpy as np

import typedflux as tf
from typedflux import Dense, Tensor, elu


class GATLayer:
    def __init__(self, in_features: int, out_features: int, heads: int) -> None:
        self.heads = heads
        self.out_features = out_features
        self.W = Dense(in_features, heads * out_features, bias=False)
        self.a_src = tf.randn(heads, out_features)
        self.a_dst = tf.randn(heads, out_features)

    def __call__(self, x: Tensor, adj: Tensor) -> Tensor:
        n = x.shape[0]
        wh = self.W(x).reshape(n, self.heads, self.out_features)
        e_src = (wh * self.a_src).sum(axis=-1)
        e_dst = (wh * self.a_dst).sum(axis=-1)
        e = e_src.transpose(1, 0)[:, :, None] + e_dst.transpose(1, 0)[:, None, :]
        e = tf.where(e > 0, e, 0.2 * e)
        e = tf.where(adj[None] > 0, e, -1e9)
        alpha = tf.softmax(e, axis=-1)
        out = alpha @ wh.transpose(1, 0, 2)
        return out.transpose(1, 0, 2).reshape(n, self.heads * self.out_features)


class GAT:
    def __init__(self, nfeat: int, nhid: int, nclass: int, heads: int = 4) -> None:
        self.layer1 = GATLayer(nfeat, nhid, heads)
        self.layer2 = GATLayer(nhid * heads, nclass, 1)

    def __call__(self, x: Tensor, adj: Tensor) -> Tensor:
        return self.layer2(elu(self.layer1(x, adj)), adj)


adj = tf.tensor(np.eye(5) + np.eye(5, k=1) + np.eye(5, k=-1))
features = tf.randn(5, 10)
model = GAT(10, 8, 3)
scores = model(features, adj)
print(scores.shape)
