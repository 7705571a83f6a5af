"""DLRM: a bottom MLP embeds the dense features to the embedding width, each sparse feature
looks up its table, the interaction stacks the dense vector with the embeddings, takes all
pairwise dot products T @ T^T and flattens them, concatenates the dense vector and feeds the
top MLP, whose input width must count what the interaction produces."""
from __future__ import annotations

from typing import List

import typedflux as tf
from typedflux import Chain, Dense, Embedding, Tensor, relu, sigmoid


class DLRM:
    def __init__(self, num_dense: int, table_sizes: List[int], emb_dim: int) -> None:
        self.bottom = Chain(Dense(num_dense, 16, relu), Dense(16, emb_dim, relu))
        self.tables = [Embedding(n, emb_dim) for n in table_sizes]
        n = len(table_sizes) + 1
        self.top = Chain(Dense(emb_dim + n * n, 32, relu), Dense(32, 1, sigmoid))

    def interact(self, dense: Tensor, embs: List[Tensor]) -> Tensor:
        b, d = dense.shape
        t = tf.stack([dense, *embs], axis=1)
        z = t @ t.transpose(0, 2, 1)
        return tf.cat(dense, z.reshape(b, -1), axis=1)

    def __call__(self, dense: Tensor, sparse: Tensor) -> Tensor:
        x = self.bottom(dense)
        embs = [table(sparse[:, i : i + 1])[:, 0] for i, table in enumerate(self.tables)]
        return self.top(self.interact(x, embs))


model = DLRM(13, [10, 20, 30], 8)
dense = tf.randn(4, 13)
sparse = tf.tensor([[1, 2, 3], [0, 5, 9], [4, 4, 4], [9, 19, 29]])
ctr = model(dense, sparse)
print(ctr.shape)
