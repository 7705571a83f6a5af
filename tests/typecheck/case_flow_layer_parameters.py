"""A held layer's parameter and a slice bounded by an input's size, read in a body the flow runs.

GPT-2 writes its tied head as ``h @ self.wte.weight.T`` and its positions as
``self.wpe.weight[: idx.shape[1]]`` (Whisper: ``self.positional_embedding[: x.shape[1]]``).
In a body run on known inputs, a layer the instance holds gives its parameters by its sizes
(``Embedding[50, 32]``'s ``weight`` is ``Tensor[50, 32]``), and a slice bound written as a
size of an input (``x.shape[1]``) is read as that size. The call is typed by the body and a
mismatch in it is reported at the call. Each with its fix, concrete and symbolic; the same
lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Embedding, Tensor

B = TypeVar("B", bound=int)


class Tied:
    def __init__(self, vocab: int, d: int) -> None:
        self.wte = Embedding(vocab, d)
        self.pos = tf.randn(16, d)

    def __call__(self, idx: tf.Tensor) -> tf.Tensor:
        h = self.wte(idx) + self.pos[: idx.shape[1]]
        return h @ self.wte.weight.T


class TiedWrong:
    def __init__(self, vocab: int, d: int) -> None:
        self.wte = Embedding(vocab, d)
        self.pos = tf.randn(16, d)

    def __call__(self, idx: tf.Tensor) -> tf.Tensor:
        h = self.wte(idx) + self.pos[: idx.shape[1]]
        return h @ self.wte.weight


idx = tf.tensor([[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]])
Dense(50, 2)(Tied(50, 32)(idx))
Dense(32, 2)(Tied(50, 32)(idx))  # E: Dense(32 => 2) expects input Tensor[..., 32], got Tensor[2, 6, 50]; need size 32 at axis -1 (got 50)  [shape]
TiedWrong(50, 32)(idx)  # E: Inner dimensions differ for "matmul": x has Tensor[2, 6, 32], w has Tensor[50, 32]; need x.shape[-1] == w.shape[-2] (32 vs 50); did you mean to transpose w (w.T)?  [shape]


@tf.shapecheck
def tied(idx: Tensor[B, 6]) -> Tensor[B, 6, 50]:
    return Tied(50, 32)(idx)


@tf.shapecheck
def tied_wrong(idx: Tensor[B, 6]) -> Tensor[B, 6, 50]:
    return TiedWrong(50, 32)(idx)  # E: Inner dimensions differ for "matmul": x has Tensor[B, 6, 32], w has Tensor[50, 32]; need x.shape[-1] == w.shape[-2] (32 vs 50); did you mean to transpose w (w.T)?  [shape]


tied(idx)
tied_wrong(idx)
