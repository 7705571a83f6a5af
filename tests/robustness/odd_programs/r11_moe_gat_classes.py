"""A switch-style MoE layer class (top-1 routing with a load-balancing loss) and a dense GAT layer
class, trained a step each."""
from typing import List, Tuple

import numpy as np

import typedflux as tf
from typedflux import Dense, LayerNorm, gelu


class Expert:
    def __init__(self, d: int, hidden: int) -> None:
        self.up = Dense(d, hidden, gelu)
        self.down = Dense(hidden, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.down(self.up(x))


class SwitchMoE:
    def __init__(self, d: int, n_experts: int, hidden: int) -> None:
        self.router = Dense(d, n_experts, bias=False)
        self.experts: List[Expert] = [Expert(d, hidden) for _ in range(n_experts)]
        self.n = n_experts

    def __call__(self, x: tf.Tensor) -> Tuple[tf.Tensor, tf.Tensor]:
        b, t, d = x.shape
        flat = x.reshape(b * t, d)
        probs = tf.softmax(self.router(flat), axis=-1)
        choice = tf.argmax(probs, axis=-1)
        onehot = tf.onehot(choice.numpy().tolist(), self.n)
        gate = (probs * onehot).sum(axis=-1, keepdims=True)
        outs = tf.stack([e(flat) for e in self.experts], axis=1)
        y = (outs * onehot.reshape(b * t, self.n, 1)).sum(axis=1) * gate
        frac = onehot.mean(axis=0)
        aux = self.n * (frac * probs.mean(axis=0)).sum()
        return y.reshape(b, t, d), aux


class GATLayer:
    def __init__(self, f_in: int, f_out: int, heads: int) -> None:
        self.W = Dense(f_in, f_out * heads, bias=False)
        self.a_src = tf.randn(heads, f_out) * 0.1
        self.a_dst = tf.randn(heads, f_out) * 0.1
        self.heads, self.f_out = heads, f_out

    def __call__(self, x: tf.Tensor, adj: tf.Tensor) -> tf.Tensor:
        n = x.shape[0]
        h = self.W(x).reshape(n, self.heads, self.f_out)
        e_src = (h * self.a_src).sum(axis=-1)
        e_dst = (h * self.a_dst).sum(axis=-1)
        e = e_src.swapaxes(0, 1).unsqueeze(2) + e_dst.swapaxes(0, 1).unsqueeze(1)
        e = tf.where(e > 0, e, 0.2 * e)
        e = tf.where(adj.unsqueeze(0) > 0, e, -1e9)
        att = tf.softmax(e, axis=-1)
        out = att @ h.swapaxes(0, 1)
        return out.swapaxes(0, 1).reshape(n, self.heads * self.f_out)


moe = SwitchMoE(16, 4, 32)
norm = LayerNorm(16)
x = tf.randn(2, 5, 16)
y, aux = moe(norm(x))
print(y.shape, aux.shape)
st = tf.setup(tf.Adam(1e-3), moe)
loss, (g,) = tf.withgradient(lambda m: (m(x)[0] ** 2).mean() + 0.01 * m(x)[1], moe)
st, moe = tf.update(st, moe, g)
rng = np.random.default_rng(0)
a = (rng.random((6, 6)) > 0.5).astype(np.float32)
adj = tf.tensor(np.maximum(a, a.T) + np.eye(6, dtype=np.float32))
gat1 = GATLayer(8, 4, 3)
gat2 = GATLayer(12, 2, 1)
feats = tf.randn(6, 8)
h1 = tf.elu(gat1(feats, adj))
print(gat2(h1, adj).shape)
