"""DeepFM (Guo et al.): one embedding table per field, a first-order linear term, the FM
second-order term 0.5 * ((sum e)^2 - sum e^2) over fields, and a deep MLP on the embeddings
of all fields flattened (num_fields * embed_dim), the three summed into a click logit."""
from __future__ import annotations

from typing import List

import numpy as np

import typedflux as tf
from typedflux import Chain, Dense, Embedding, Tensor, relu


class DeepFM:
    def __init__(self, field_dims: List[int], embed_dim: int, mlp_dims: List[int]) -> None:
        self.num_fields = len(field_dims)
        self.embed_dim = embed_dim
        self.embeddings = [Embedding(n, embed_dim) for n in field_dims]
        self.linear = [Embedding(n, 1) for n in field_dims]
        self.mlp = Chain(Dense(self.num_fields * embed_dim, mlp_dims[0], relu),
                         Dense(mlp_dims[0], mlp_dims[1], relu),
                         Dense(mlp_dims[1], 1))

    def __call__(self, x: Tensor) -> Tensor:
        embs = tf.stack([emb(x[:, i]) for i, emb in enumerate(self.embeddings)], axis=1)
        first = tf.stack([lin(x[:, i]) for i, lin in enumerate(self.linear)], axis=1).sum(axis=1)
        square_of_sum = embs.sum(axis=1) ** 2
        sum_of_square = (embs ** 2).sum(axis=1)
        second = 0.5 * (square_of_sum - sum_of_square).sum(axis=1, keepdims=True)
        deep = self.mlp(embs.reshape(embs.shape[0], self.num_fields * self.embed_dim))
        return tf.sigmoid(first + second + deep)


model = DeepFM([10, 20, 5, 7], embed_dim=6, mlp_dims=[32, 16])
ids = tf.tensor(np.array([[1, 3, 0, 6], [9, 19, 4, 2], [0, 0, 1, 1]]))
ctr = model(ids)
print(ctr.shape)
