"""Attention heads concatenated: ``tf.cat(*[attend(w(x), adj) for w in heads], axis=-1)``.

A graph attention layer runs one head per projection (``heads = [Dense(F_IN, F) for _ in
range(H)]``) through a bare-``Tensor`` def whose body masks the scores
(``tf.where(adj > 0, scores, -1e9)``) and concatenates the heads. A starred comprehension
over a list of known length gives that many items, each of the item's shape, so the
concatenated width (``H * F``) is known and the output projection sized for one head is
reported. Each with its fix, concrete and symbolic; the same lines fail at run time with
the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, elu

B = TypeVar("B", bound=int)
N, F_IN, F, H, C = 6, 12, 8, 4, 3


def attend(h: tf.Tensor, adj: tf.Tensor) -> tf.Tensor:
    scores = h @ h.swapaxes(-1, -2)
    scores = tf.where(adj > 0, scores, -1e9)
    return tf.softmax(scores, axis=-1) @ h


adj = tf.ones(N, N)
x = tf.randn(N, F_IN)
heads = [Dense(F_IN, F) for _ in range(H)]
hidden = elu(tf.cat(*[attend(w(x), adj) for w in heads], axis=-1))
Dense(F, C)(hidden)  # E: Dense(8 => 3) expects input Tensor[..., 8], got Tensor[6, 32]; need size 8 at axis -1 (got 32)  [shape]
attend(Dense(H * F, C)(hidden), adj)
rows = tf.cat(*(w(x) for w in heads), axis=0)
rows.reshape(H, N, F)
rows.reshape(N, F)  # E: Cannot reshape for "reshape": x has Tensor[24, 8], target is (6, 8); need equal element counts (192 vs 48)  [shape]


@tf.shapecheck
def gat(x: Tensor[B, 12], adj: Tensor[B, B]) -> Tensor[B, 3]:
    h = tf.cat(*[attend(w(x), adj) for w in heads], axis=-1)
    return Dense(F, C)(h)  # E: Dense(8 => 3) expects input Tensor[..., 8], got Tensor[B, 32]; need size 8 at axis -1 (got 32)  [shape]


@tf.shapecheck
def gat_fixed(x: Tensor[B, 12], adj: Tensor[B, B]) -> Tensor[B, 3]:
    h = tf.cat(*[attend(w(x), adj) for w in heads], axis=-1)
    return Dense(H * F, C)(h)


gat(tf.randn(5, 12), tf.ones(5, 5))
gat_fixed(tf.randn(5, 12), tf.ones(5, 5))
