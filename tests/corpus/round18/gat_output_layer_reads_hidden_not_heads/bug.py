"""A two-layer GAT on a small graph: each head projects the nodes, scores edges by
a_src . Wh_i + a_dst . Wh_j, masks non-edges with -1e9, softmaxes over neighbours and
aggregates; the first layer concatenates its heads, so the output layer reads hidden * heads
features."""
from __future__ import annotations

import typedflux as tf
from typedflux import Dense, Tensor, elu


class GATLayer:
    def __init__(self, cin: int, cout: int, heads: int) -> None:
        self.heads = heads
        self.cout = cout
        self.W = Dense(cin, heads * cout, bias=False)
        self.a_src = tf.randn(heads, cout)
        self.a_dst = tf.randn(heads, cout)

    def __call__(self, x: Tensor, adj: Tensor) -> Tensor:
        n = x.shape[0]
        h = self.W(x).reshape(n, self.heads, self.cout)
        src = (h * self.a_src).sum(axis=-1)
        dst = (h * self.a_dst).sum(axis=-1)
        e = tf.leakyrelu(src.unsqueeze(1) + dst.unsqueeze(0))
        e = tf.where(adj.unsqueeze(-1) > 0, e, -1e9)
        alpha = tf.softmax(e, axis=1)
        out = tf.einsum("ijh,jhc->ihc", alpha, h)
        return out.reshape(n, self.heads * self.cout)


class GAT:
    def __init__(self, cin: int, hidden: int, heads: int, classes: int) -> None:
        self.l1 = GATLayer(cin, hidden, heads)
        self.l2 = GATLayer(hidden, classes, 1)

    def __call__(self, x: Tensor, adj: Tensor) -> Tensor:
        return self.l2(elu(self.l1(x, adj)), adj)


adj = tf.tensor([[1, 1, 0, 0, 1], [1, 1, 1, 0, 0], [0, 1, 1, 1, 0], [0, 0, 1, 1, 1], [1, 0, 0, 1, 1]])
model = GAT(12, 8, 4, 3)
logits = model(tf.randn(5, 12), adj)  # BUG  # E: Dense(8 => 3, bias=False) expects input Tensor[..., 8], got Tensor[5, 32]; need size 8 at axis -1 (got 32)  [shape]
print(logits.shape)
