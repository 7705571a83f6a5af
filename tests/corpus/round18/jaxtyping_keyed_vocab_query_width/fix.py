"""jaxtyping-style named dims on a class with a non-dim type parameter: Vocab(Generic[K, D])
holds its key type and a Tensor[10, D] table annotated in the class body; similarity(q) takes
queries of the table's width D (a Vocab[str, 8] here) and scores every entry."""
from __future__ import annotations

from typing import Generic, List, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

K = TypeVar("K")
B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)


class Vocab(Generic[K, D]):
    table: Tensor[10, D]

    def __init__(self, keys: List[K], table: Tensor[10, D]) -> None:
        self.keys = keys
        self.table = table

    @tf.shapecheck
    def similarity(self, q: Tensor[B, D]) -> Tensor[B, 10]:
        return q @ self.table.T


words: Vocab[str, 8] = Vocab([f"w{i}" for i in range(10)], tf.randn(10, 8))
encoder = Dense(16, 8)
q = encoder(tf.randn(3, 16))
scores = words.similarity(q)
print(scores.shape)
