"""Two sizes mypy alone loses in training scripts and ensembles.

A `DataLoader` held in a name bound once to the call (in the module, or in a function) gives
its batches' shapes, to a `for` over it and to `tf.train`'s loss, as one written in the call
does; a loader bound twice, or whose attributes are assigned, keeps `Any`.

`tf.stack` of a comprehension knows its count when the comprehension has one `for` and no
`if`, over `range(<known ints>)`, a display, or a name bound once to either and only read in
ways that keep its length (iterated, indexed, passed to `len` or typedflux): one tensor per
model of `models = [Chain(...) for _ in range(4)]`, one per expert of `self.experts` bound
once in `__init__`. A list appended to, given an item, or passed to another function keeps
the count unknown; `len()` of such a list is a known size (`tf.randn(len(batch), 16)`). All run
at run time with the same words.
"""

from typing import List, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)

x = tf.randn(12, 6)
y = tf.onehot([i % 3 for i in range(12)], 3)
loader = tf.DataLoader((x, y), batchsize=4)
for xb, yb in loader:
    reveal_type(yb)  # N: Revealed type is "typedflux.tensor.Tensor[Any, Literal[3]]"
    Dense(5, 3)(xb)  # E: Dense(5 => 3) expects input Tensor[..., 5], got Tensor[?, 6]; need size 5 at axis -1 (got 6)  [shape]
model = Chain(Dense(6, 8, relu), Dense(8, 3))
wide = Chain(Dense(6, 8, relu), Dense(8, 4))
state = tf.setup(tf.Descent(0.1), model)
tf.train(lambda m, a, b: tf.losses.mse(m(a), b), model, loader, state, epochs=1, progress=False)
tf.train(lambda m, a, b: tf.losses.mse(m(a), b), wide, loader, tf.setup(tf.Descent(0.1), wide), epochs=1, progress=False)  # E: Shapes differ for "mse": prediction has Tensor[?, 4], target has Tensor[?, 3]; need identical shapes (no broadcasting in losses) (4 vs 3 at axis -1)  [shape]


def local_loader(xs: Tensor[B, 6]) -> None:
    batches = tf.DataLoader(xs, batchsize=2)
    for xb in batches:
        Dense(5, 3)(xb)  # E: Dense(5 => 3) expects input Tensor[..., 5], got Tensor[?, 6]; need size 5 at axis -1 (got 6)  [shape]


def rebound_loader(xs: Tensor[B, 6], ys: Tensor[B, 3]) -> None:
    batches = tf.DataLoader(xs, batchsize=2)
    batches = tf.DataLoader(ys, batchsize=2)
    for xb in batches:
        reveal_type(xb)  # N: Revealed type is "Any"


local_loader(tf.randn(4, 6))
rebound_loader(tf.randn(4, 6), tf.randn(4, 3))

models = [Chain(Dense(6, 16, relu), Dense(16, 3)) for _ in range(4)]
preds = tf.stack([m(x) for m in models], axis=1)
reveal_type(preds)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[12], Literal[4], Literal[3]]"
tf.losses.logitcrossentropy(preds.mean(axis=0), y)  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[4, 3], target has Tensor[12, 3]; need identical shapes (no broadcasting in losses) (4 vs 12 at axis -2)  [shape]
tf.losses.logitcrossentropy(preds.mean(axis=1), y)
print(len(models), models[0])

grown = [Dense(6, 3) for _ in range(2)]
grown.append(Dense(6, 3))
reveal_type(tf.stack([g(x) for g in grown]))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Literal[12], Literal[3]]"


def heads(h: Tensor[B, 6], given: List[Dense[int, int]]) -> None:
    hs = [Dense(6, 2) for _ in range(5)]
    reveal_type(tf.stack([f(h) for f in hs]))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], B, Literal[2]]"
    reveal_type(tf.concat([h for _ in range(3)], axis=1))  # N: Revealed type is "typedflux.tensor.Tensor[B, Literal[18]]"
    reveal_type(tf.stack([f(h) for f in hs if f is not None]))  # N: Revealed type is "typedflux.tensor.Tensor[Any, B, Literal[2]]"
    ks = [Dense(6, 2), Dense(6, 2)]
    ks[0] = Dense(6, 2)
    reveal_type(tf.stack([f(h) for f in ks]))  # N: Revealed type is "typedflux.tensor.Tensor[Any, B, Literal[2]]"


heads(tf.randn(2, 6), [])


class Experts:
    def __init__(self) -> None:
        self.gate = Dense(6, 3)
        self.experts = [Dense(6, 6, relu) for _ in range(3)]

    def __call__(self, h: Tensor[B, 6]) -> Tensor[B, 6]:
        gates = tf.softmax(self.gate(h), axis=-1)
        outs = tf.stack([e(h) for e in self.experts], axis=1)
        return (gates[:, :, None] * outs).sum(axis=1)

    def wrong_axis(self, h: Tensor[B, 6]) -> Tensor[B, 6]:
        outs = tf.stack([e(h) for e in self.experts])
        return (self.gate(h)[:, :, None] * outs).sum(axis=1)  # E: Cannot broadcast for "mul": x has Tensor[B, 3, 1], y has Tensor[3, B, 6]; need equal sizes or 1 at axis -3 (B vs 3)  [shape]


class Growing:
    def __init__(self) -> None:
        self.parts = [Dense(6, 2) for _ in range(2)]

    def add(self) -> None:
        self.parts.append(Dense(6, 2))

    def __call__(self, h: Tensor[B, 6]) -> None:
        reveal_type(tf.stack([p(h) for p in self.parts]))  # N: Revealed type is "typedflux.tensor.Tensor[Any, B, Literal[2]]"


Experts()(tf.randn(5, 6))
Experts().wrong_axis(tf.randn(5, 6))
Growing()(tf.randn(5, 6))


# `len()` of such a list is its count as a size too (`tf.randn(len(batch), F)`, as `n =
# len(batch)` then `tf.randn(n, F)` was): the graph readout's matmul is compared.
batch = [0, 0, 0, 1, 1, 2, 2, 2, 2]
node_feats = tf.randn(len(batch), 16)
reveal_type(node_feats)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[9], Literal[16]]"
tf.onehot(batch, 3) @ node_feats  # E: Inner dimensions differ for "matmul": x has Tensor[9, 3], w has Tensor[9, 16]; need x.shape[-1] == w.shape[-2] (3 vs 9); did you mean to transpose x (x.T)?  [shape]
tf.onehot(batch, 3).T @ node_feats
node_ids = [0, 1]
node_ids.append(2)
reveal_type(tf.randn(len(node_ids), 4))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Literal[4]]"
KERNELS = [3, 5, 7]


def branch_mix(x: Tensor[B, 4]) -> Tensor[B, 8]:
    return x @ tf.randn(len(KERNELS), 8)  # E: Inner dimensions differ for "matmul": x has Tensor[B, 4], w has Tensor[3, 8]; need x.shape[-1] == w.shape[-2] (4 vs 3)  [shape]


def branch_mix_fixed(x: Tensor[B, 3]) -> Tensor[B, 8]:
    return x @ tf.randn(len(KERNELS), 8)


branch_mix(tf.randn(2, 4))
branch_mix_fixed(tf.randn(2, 3))
