"""Tensors appended to a list in a loop of known length, then joined: ``tf.concat(feats, axis=-1)``.

NeRF's positional encoding appends ``sin`` and ``cos`` of the input at ``L`` frequencies to
a list that starts with the input, then concatenates it. mypy types the list
``List[Tensor]``, which says nothing of its items; the scope's run (flow.py: the loop
unrolled, each ``append`` typed with that iteration's values) knows each item, so the join
has its shape there. A list something else may reach (passed to a function) keeps mypy's
type: silent. Each with its fix, concrete and symbolic; the same lines fail at run time with
the same words.
"""

from typing import Final, List, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)

L: Final = 4
mlp_in = Dense(3 * 2 * L, 32, relu)
mlp_in_fixed = Dense(3 + 3 * 2 * L, 32, relu)
pts = tf.randn(10, 3)
feats: List[Tensor] = [pts]
for k in range(L):
    feats.append(tf.sin(pts * 2.0**k))
    feats.append(tf.cos(pts * 2.0**k))
mlp_in(tf.concat(feats, axis=-1))  # E: Dense(24 => 32, relu) expects input Tensor[..., 24], got Tensor[10, 27]; need size 24 at axis -1 (got 27)  [shape]
mlp_in_fixed(tf.concat(feats, axis=-1))


def encode(x: Tensor[B, 3]) -> Tensor[B, 32]:
    parts = [x]
    for j in range(2):
        parts.append(tf.sin(x * 2.0**j))
    return mlp_in(tf.concat(parts, axis=-1))  # E: Dense(24 => 32, relu) expects input Tensor[..., 24], got Tensor[B, 9]; need size 24 at axis -1 (got 9)  [shape]


def encode_fixed(x: Tensor[B, 3]) -> Tensor[B, 32]:
    parts = [x]
    for j in range(7):
        parts.append(tf.sin(x * 2.0**j))
    return mlp_in(tf.concat(parts, axis=-1))


encode(tf.randn(5, 3))
encode_fixed(tf.randn(5, 3))


def extend(xs: List[Tensor]) -> None:
    xs.append(tf.zeros(10, 3))


grown: List[Tensor] = [pts]
extend(grown)
Dense(6, 2)(tf.concat(grown, axis=-1))

# A list bound to a display of a tensor of known shape (mypy: list[Tensor[10, 3]]) keeps that
# type for every item, but not the count: the run counts what the loop appended.
coords = tf.rand(10, 3)
enc = [coords]
for k in range(3):
    enc.append(tf.sin(coords * 2.0**k))
Dense(9, 4)(tf.concat(enc, axis=-1))  # E: Dense(9 => 4) expects input Tensor[..., 9], got Tensor[10, 12]; need size 9 at axis -1 (got 12)  [shape]
Dense(12, 4)(tf.concat(enc, axis=-1))


def project(x: Tensor[B, 4]) -> Tensor[B, 12]:
    w = tf.ones(4, 4)
    cols = [w]
    for _ in range(2):
        cols.append(w * 0.5)
    return x @ tf.concat(cols, axis=0)  # E: Inner dimensions differ for "matmul": x has Tensor[B, 4], w has Tensor[12, 4]; need x.shape[-1] == w.shape[-2] (4 vs 12); did you mean to transpose w (w.T)?  [shape]


def project_fixed(x: Tensor[B, 4]) -> Tensor[B, 12]:
    w = tf.ones(4, 4)
    cols = [w]
    for _ in range(2):
        cols.append(w * 0.5)
    return x @ tf.concat(cols, axis=1)


project(tf.randn(3, 4))
project_fixed(tf.randn(3, 4))
