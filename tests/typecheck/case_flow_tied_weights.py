"""A GPT's output head tied to its token embedding in ``__init__``, sized by constructor values.

nanoGPT writes ``self.lm_head.weight = self.wte.weight`` after building both from its config.
A layer's sizes are its parameters' (``Dense[In, Out]``'s ``weight: Tensor[Out, In]``), so
where the construction is traced (``Tied(50, 32)``), its run of ``__init__`` gives the head
the sizes of the tensor tied to it: the tie keeps ``Dense[32, 50]``, and a tie written with a
transpose (``self.wte.weight.T``, ``(32, 50)``) makes the head a ``Dense[50, 32]``, as the run
time builds it (``Dense(50 => 32, bias=False)``); a call of the model is then checked with
those sizes. Each with its fix, concrete and symbolic; the same lines fail at run time with
the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Embedding, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class Tied:
    def __init__(self, vocab: int, d: int) -> None:
        self.wte = Embedding(vocab, d)
        self.lm_head = Dense(d, vocab, bias=False)
        self.lm_head.weight = self.wte.weight

    def __call__(self, h: tf.Tensor) -> tf.Tensor:
        return self.lm_head(h)


class TiedTransposed:
    def __init__(self, vocab: int, d: int) -> None:
        self.wte = Embedding(vocab, d)
        self.lm_head = Dense(d, vocab, bias=False)
        self.lm_head.weight = self.wte.weight.T

    def __call__(self, h: tf.Tensor) -> tf.Tensor:
        return self.lm_head(h)


class Model:
    def __init__(self, vocab: int, d: int) -> None:
        self.wte = Embedding(vocab, d)
        self.lm_head = Dense(d, vocab, bias=False)
        self.lm_head.weight = self.wte.weight.T

    def __call__(self, idx: tf.Tensor) -> tf.Tensor:
        return self.lm_head(self.wte(idx))


class ModelFixed:
    def __init__(self, vocab: int, d: int) -> None:
        self.wte = Embedding(vocab, d)
        self.lm_head = Dense(d, vocab, bias=False)
        self.lm_head.weight = self.wte.weight

    def __call__(self, idx: tf.Tensor) -> tf.Tensor:
        return self.lm_head(self.wte(idx))


h = tf.randn(2, 6, 32)
Dense(50, 2)(Tied(50, 32)(h))
Dense(32, 2)(Tied(50, 32)(h))  # E: Dense(32 => 2) expects input Tensor[..., 32], got Tensor[2, 6, 50]; need size 32 at axis -1 (got 50)  [shape]
TiedTransposed(50, 32)(h)  # E: Dense(50 => 32, bias=False) expects input Tensor[..., 50], got Tensor[2, 6, 32]; need size 50 at axis -1 (got 32)  [shape]
Dense(32, 2)(TiedTransposed(50, 32)(tf.randn(2, 6, 50)))
idx = tf.tensor([[1, 2, 3], [4, 5, 6]])
Dense(50, 2)(ModelFixed(50, 32)(idx))
Model(50, 32)(idx)  # E: Dense(50 => 32, bias=False) expects input Tensor[..., 50], got Tensor[2, 3, 32]; need size 50 at axis -1 (got 32)  [shape]


@tf.shapecheck
def tied(h: Tensor[B, T, 32]) -> Tensor[B, T, 50]:
    return Tied(50, 32)(h)


@tf.shapecheck
def tied_transposed(h: Tensor[B, T, 32]) -> Tensor[B, T, 50]:
    return TiedTransposed(50, 32)(h)  # E: Dense(50 => 32, bias=False) expects input Tensor[..., 50], got Tensor[B, T, 32]; need size 50 at axis -1 (got 32)  [shape]


tied(tf.randn(3, 4, 32))
tied_transposed(tf.randn(3, 4, 32))
