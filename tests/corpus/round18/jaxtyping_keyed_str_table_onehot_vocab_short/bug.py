"""jaxtyping's "vocab dim" tables on a class with a non-dim type parameter: Table(Generic[K, V,
D]) with a key type, a Tensor[V, D] embedding and a lookup(one_hot: Tensor[B, V]) -> Tensor[B, D];
a Table[str, 12, 4] read by one-hot rows of the vocabulary's size."""
from __future__ import annotations

from typing import Dict, Generic, TypeVar

import typedflux as tf
from typedflux import Tensor

K = TypeVar("K")
B = TypeVar("B", bound=int)
V = TypeVar("V", bound=int)
D = TypeVar("D", bound=int)


class Table(Generic[K, V, D]):
    weight: Tensor[V, D]

    def __init__(self, index: Dict[K, int], weight: Tensor[V, D]) -> None:
        self.index = index
        self.weight = weight

    @tf.shapecheck
    def lookup(self, one_hot: Tensor[B, V]) -> Tensor[B, D]:
        return one_hot @ self.weight


words = {f"w{i}": i for i in range(12)}
table: Table[str, 12, 4] = Table(words, tf.randn(12, 4))
ids = [words["w3"], words["w7"]]
rows = tf.onehot(ids, 10)
emb = table.lookup(rows)  # BUG  # E: Argument "one_hot" of "Table.lookup" has shape Tensor[2, 10], which does not match the annotation Tensor[B, 12]: axis 1 is 10, expected 12  [shape]  # N: B=2
print(emb.shape)
