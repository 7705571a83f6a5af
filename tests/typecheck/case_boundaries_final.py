"""Sizes kept in `Final` constants are dims: module level, class level, `Final[int]`, folded.

A transformer block whose sizes live in constants, as people write them; each bug with its
fix. At run time the annotation holds the int itself, so `@tf.shapecheck` raises the same
words. A variable that is not `Final` (or not an int) is a `[shape-annotation]` error; a `Final` whose
int is known only at run time (`VOCAB: Final = len(chars)`, nanoGPT's character vocabulary) is
an unknown size, as `Final[int]` written out is.
"""

import os
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

D_MODEL: Final = 64
N_HEADS: Final[int] = 4
HEAD_DIM: Final = D_MODEL // N_HEADS


class Config:
    VOCAB: Final = 1000
    CONTEXT: Final[int] = 16


class Block:
    def __init__(self) -> None:
        self.norm = LayerNorm(D_MODEL)
        self.up = Dense(D_MODEL, 4 * D_MODEL)
        self.down = Dense(4 * D_MODEL, D_MODEL)

    @tf.shapecheck
    def __call__(self, x: Tensor[B, T, D_MODEL]) -> Tensor[B, T, D_MODEL]:
        return self.up(self.norm(x))  # E: Return shape Tensor[B, T, 256] does not match the annotation Tensor[B, T, 64]: axis 2 is 256, expected 64  [shape]

    @tf.shapecheck
    def fixed(self, x: Tensor[B, T, D_MODEL]) -> Tensor[B, T, D_MODEL]:
        return self.down(self.up(self.norm(x)))


@tf.shapecheck
def heads(x: Tensor[B, T, D_MODEL]) -> Tensor[B, T, N_HEADS, HEAD_DIM]:
    return x.reshape(x.shape[0], x.shape[1], HEAD_DIM, N_HEADS)  # E: Return shape Tensor[B, T, 16, 4] does not match the annotation Tensor[B, T, 4, 16]: axis 2 is 16, expected 4  [shape]


@tf.shapecheck
def logits(h: Tensor[B, Config.CONTEXT, D_MODEL], w: Tensor[D_MODEL, Config.VOCAB]) -> Tensor[B, Config.CONTEXT, Config.VOCAB]:
    return h @ w


block = Block()
x = tf.randn(2, Config.CONTEXT, D_MODEL)
block(tf.randn(2, Config.CONTEXT, 32))  # E: Argument "x" of "Block.__call__" has shape Tensor[2, 16, 32], which does not match the annotation Tensor[B, T, 64]: axis 2 is 32, expected 64  [shape]  # N: B=2, T=16
block(x)
block.fixed(x)
logits(x, tf.zeros(D_MODEL, 100))  # E: Argument "w" of "logits" has shape Tensor[64, 100], which does not match the annotation Tensor[64, 1000]: axis 1 is 100, expected 1000  [shape]  # N: B=2
logits(x, tf.zeros(D_MODEL, Config.VOCAB))
sized: Tensor[2, Config.CONTEXT, D_MODEL] = x
heads(x)

dropout_rate = 0.1
hidden = 128
RATE: Final = 0.5


def not_constants(a: Tensor[B, hidden], b: Tensor[B, RATE]) -> None: ...  # E: Variable "hidden" is used as a dim but is not Final; a size kept in a constant is declared hidden: Final = <int> (typing.Final)  [shape-annotation]  # E: Final "RATE" is used as a dim but holds 0.5, not an int  [shape-annotation]


# Sizes known only at run time: unknown dims (these were "Final ... is not an int" errors).
chars = sorted(set("hello typed world"))
VOCAB: Final = len(chars)
N_EMBD: Final = int(os.environ.get("N_EMBD", "32"))
WIDE: Final = 2 * N_EMBD


@tf.shapecheck
def embed(x: Tensor[B, T, VOCAB]) -> Tensor[B, T, 16]:
    return Dense(VOCAB, 8)(x)  # E: Return shape Tensor[B, T, 8] does not match the annotation Tensor[B, T, 16]: axis 2 is 8, expected 16  [shape]


@tf.shapecheck
def embed_fixed(x: Tensor[B, T, VOCAB]) -> Tensor[B, T, N_EMBD]:
    return Dense(VOCAB, N_EMBD)(x)


@tf.shapecheck
def widen(x: Tensor[B, N_EMBD]) -> Tensor[B, WIDE]:
    return tf.cat(x, x, axis=-1)


@tf.shapecheck
def widen_str(x: Tensor[B, N_EMBD]) -> Tensor[B, "2*N_EMBD"]:
    return tf.cat(x, x, axis=-1)


@tf.shapecheck
def unembed(h: Tensor[B, T, 16]) -> Tensor[B, T, VOCAB]:
    return Dense(16, VOCAB)(h)


embed(tf.randn(2, 3, VOCAB))
Dense(8, 4)(Dense(VOCAB, 6)(tf.randn(2, VOCAB)))  # E: Dense(8 => 4) expects input Tensor[..., 8], got Tensor[2, 6]; need size 8 at axis -1 (got 6)  [shape]
Dense(6, 4)(Dense(VOCAB, 6)(tf.randn(2, VOCAB)))
embed_fixed(tf.randn(2, 3, VOCAB))
widen(tf.randn(2, N_EMBD))
widen_str(tf.randn(2, N_EMBD))
unembed(tf.randn(2, 3, 16))
NOT_SIZE: Final[str] = os.environ.get("NAME", "x")


def named(x: Tensor[B, NOT_SIZE]) -> None: ...  # E: Final "NOT_SIZE" is used as a dim but is not an int  [shape-annotation]


# A class's Final constant named by itself in a string is that constant for both checkers
# (mypy reads "Config.CONTEXT" as the reference Config.CONTEXT; the run time refused it).
@tf.shapecheck
def context_window(x: Tensor[B, "Config.CONTEXT"]) -> Tensor[B, Config.CONTEXT]:
    return x


@tf.shapecheck
def context_head(x: Tensor[B, "Config.CONTEXT"]) -> Tensor[B, 8]:
    return x  # E: Return shape Tensor[B, 16] does not match the annotation Tensor[B, 8]: axis 1 is 16, expected 8  [shape]


context_window(tf.randn(2, 16))
context_window(tf.randn(2, 15))  # E: Argument "x" of "context_window" has shape Tensor[2, 15], which does not match the annotation Tensor[B, 16]: axis 1 is 15, expected 16  [shape]  # N: B=2
context_head(tf.randn(2, 16))
