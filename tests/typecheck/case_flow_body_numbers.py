"""A number in a body whose value mypy cannot tell is still a number: a scalar operand.

The causal mask of a GPT's attention fills the scores with ``float("-inf")`` (nanoGPT's
``masked_fill(..., float('-inf'))``), or ``-math.inf``, ``np.inf``, a module's float; a body
that holds one was unknown from that line on, so every mismatch after it (the output
projection's width, a residual of the wrong width) passed mypy and failed at run time. Such a
value is typed ``float`` by mypy: only ever an operand, a scalar, never a size (an ``int``
of unknown value stays unknown). Each with its fix; the same calls fail at run time with the
same words.
"""

import math
from typing import TypeVar

import numpy as np

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)

FILL = -1e4 * 2.5  # a module float bound once


class CausalSelfAttention:
    def __init__(self, dim: int, out: int) -> None:
        self.qkv = Dense(dim, 3 * dim)
        self.proj = Dense(out, dim)  # the bug: the output projection reads `out` features
        self.mask = tf.tril(tf.ones(16, 16))

    def __call__(self, x: Tensor) -> Tensor:
        b, t, c = x.shape
        q, k, v = tf.chunk(self.qkv(x), 3, axis=2)
        att = (q @ k.swapaxes(-2, -1)) * (1.0 / math.sqrt(c))
        att = tf.where(self.mask[:t, :t] == 0, float("-inf"), att)
        att = tf.softmax(att, axis=-1)
        return self.proj(att @ v)


CausalSelfAttention(32, 32)(tf.randn(2, 16, 32))
CausalSelfAttention(32, 64)(tf.randn(2, 16, 32))  # E: Dense(64 => 32) expects input Tensor[..., 64], got Tensor[2, 16, 32]; need size 64 at axis -1 (got 32)  [shape]


def masked(x: Tensor, n: int) -> Tensor:
    neg = tf.where(x > 0, x, -math.inf)
    filled = tf.exp(tf.where(x == 0, -np.inf, neg)) + float(n) * FILL
    return Dense(8, 4)(filled)


masked(tf.randn(3, 8), 2)
masked(tf.randn(3, 6), 2)  # E: Dense(8 => 4) expects input Tensor[..., 8], got Tensor[3, 6]; need size 8 at axis -1 (got 6)  [shape]


@tf.shapecheck
def scores(x: Tensor[B, 8]) -> Tensor[B, 4]:
    return masked(x, 3)


@tf.shapecheck
def scores_wrong(x: Tensor[B, 6]) -> Tensor[B, 4]:
    return masked(x, 3)  # E: Dense(8 => 4) expects input Tensor[..., 8], got Tensor[B, 6]; need size 8 at axis -1 (got 6)  [shape]


scores(tf.randn(5, 8))
scores_wrong(tf.randn(5, 6))
