# mypy: allow-redefinition
"""Tensors a loop rebinds: a union of shapes, read as the shape all its members share.

A ``while`` loop that grows a tensor (``idx = tf.cat(idx, nxt, axis=1)``, greedy
generation) leaves it a union of the shapes mypy met (``Tensor[1, 3] | Tensor[1, 4] |
...``). Each op reads a union as the shape every member has: the axes they agree on keep
their size, the growing one is unknown (``Tensor[1, ?]``), inside the loop and after it. An
error is reported only when every member fails (it holds whatever the loop ran); an error of
one member alone is never one. Each with its fix, concrete and symbolic; the same lines
fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Embedding, Tensor

B = TypeVar("B", bound=int)

vocab, D = 20, 8
emb, head = Embedding(vocab, D), Dense(D, vocab)
idx = tf.tensor([[1, 2, 3]])
steps = 0
while steps < 2:
    nxt = head(emb(idx))[:, -1, :].argmax(axis=-1, keepdims=True)
    idx = tf.cat(idx, nxt, axis=1)
    steps += 1
table = tf.randn(vocab, D)
emb(idx) @ table  # E: Inner dimensions differ for "matmul": x has Tensor[1, ?, 8], w has Tensor[20, 8]; need x.shape[-1] == w.shape[-2] (8 vs 20); did you mean to transpose w (w.T)?  [shape]
emb(idx) @ table.T
head(emb(idx)).sum(axis=1) + tf.randn(1, 20)
idx.sum(axis=1) + tf.randn(1)

# Only some members fail (the first has 3 tokens, a later one 4): never an error.
idx + tf.randn(1, 3)
idx[:, -3:] + tf.randn(1, 3)


def grow(x: Tensor[B, 3, 8], w: Tensor[8, 5]) -> Tensor[B, 5]:
    n = 0
    while n < 2:
        x = tf.cat(x, x[:, :1, :], axis=1)
        n += 1
    pooled = x.mean(axis=1)
    return pooled @ w.T  # E: Inner dimensions differ for "matmul": x has Tensor[B, 8], w has Tensor[5, 8]; need x.shape[-1] == w.shape[-2] (8 vs 5); did you mean to transpose w (w.T)?  [shape]


def grow_fixed(x: Tensor[B, 3, 8], w: Tensor[8, 5]) -> Tensor[B, 5]:
    n = 0
    while n < 2:
        x = tf.cat(x, x[:, :1, :], axis=1)
        n += 1
    pooled = x.mean(axis=1)
    return pooled @ w


def grow_rows(x: Tensor[B, 3, 8], w: Tensor[5, 8]) -> None:
    n = 0
    while n < 2:
        x = tf.cat(x, x[:, :1, :], axis=1)
        n += 1
    print((x @ w).shape)  # E: Inner dimensions differ for "matmul": x has Tensor[B, ?, 8], w has Tensor[5, 8]; need x.shape[-1] == w.shape[-2] (8 vs 5); did you mean to transpose w (w.T)?  [shape]


def grow_rows_fixed(x: Tensor[B, 3, 8], w: Tensor[5, 8]) -> None:
    n = 0
    while n < 2:
        x = tf.cat(x, x[:, :1, :], axis=1)
        n += 1
    print((x @ w.T).shape)


grow(tf.randn(2, 3, 8), tf.randn(8, 5))
grow_fixed(tf.randn(2, 3, 8), tf.randn(8, 5))
grow_rows(tf.randn(2, 3, 8), tf.randn(5, 8))
grow_rows_fixed(tf.randn(2, 3, 8), tf.randn(5, 8))

# A name bound on branches of a known condition holds the taken branch's value; a read in a
# branch the condition rules out never happens, so it is not checked with that value.
use_small = True
small_head, large_head = Dense(6, 3), Dense(6, 5)
feats = tf.randn(2, 6)
if use_small:
    picked = small_head(feats)
else:
    picked = large_head(feats)
if use_small:
    weighted = picked * tf.ones(2, 3)
else:
    weighted = picked * tf.ones(2, 5)
both = picked * tf.ones(2, 3) if use_small else picked * tf.ones(2, 5)
picked * tf.ones(2, 5)  # E: Cannot broadcast for "mul": x has Tensor[2, 3], y has Tensor[2, 5]; need equal sizes or 1 at axis -1 (3 vs 5)  [shape]
