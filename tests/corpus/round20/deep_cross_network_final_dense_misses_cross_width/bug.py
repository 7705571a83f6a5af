"""Deep & Cross Network (DCN): sparse features embedded and concatenated with the dense ones
into x0; a CrossNetwork of layers x_{l+1} = x0 * (x_l @ w_l) + b_l + x_l (each w_l a column,
each b_l a vector of the input width) beside a deep MLP tower; the final logit reads the
concatenation of the cross output and the deep output."""
from __future__ import annotations

from typing import List

import numpy as np

import typedflux as tf
from typedflux import Chain, Dense, Embedding, Tensor, relu


class CrossNetwork:
    def __init__(self, input_dim: int, num_layers: int) -> None:
        self.kernels = [tf.randn(input_dim, 1) * 0.01 for _ in range(num_layers)]
        self.biases = [tf.zeros(input_dim) for _ in range(num_layers)]

    def __call__(self, x0: Tensor) -> Tensor:
        xl = x0
        for w, b in zip(self.kernels, self.biases):
            xl = x0 * (xl @ w) + b + xl
        return xl


class DCN:
    def __init__(self, field_dims: List[int], embed_dim: int, num_dense: int,
                 mlp_dims: List[int], num_cross: int = 2) -> None:
        self.embeddings = [Embedding(n, embed_dim) for n in field_dims]
        self.embed_output_dim = len(field_dims) * embed_dim + num_dense
        self.cn = CrossNetwork(self.embed_output_dim, num_cross)
        layers: List[Dense] = []
        d = self.embed_output_dim
        for h in mlp_dims:
            layers.append(Dense(d, h, relu))
            d = h
        self.mlp = Chain(*layers)
        self.linear = Dense(mlp_dims[-1], 1)

    def __call__(self, sparse: Tensor, dense: Tensor) -> Tensor:
        embs = [emb(sparse[:, i]) for i, emb in enumerate(self.embeddings)]
        x0 = tf.cat(*embs, dense, axis=1)
        x_l1 = self.cn(x0)
        h_l2 = self.mlp(x0)
        x_stack = tf.cat(x_l1, h_l2, axis=1)
        return tf.sigmoid(self.linear(x_stack))


model = DCN([10, 20, 30], embed_dim=4, num_dense=5, mlp_dims=[32, 16])
sparse = tf.tensor(np.random.randint(0, 10, size=(8, 3)))
dense = tf.randn(8, 5)
p = model(sparse, dense)  # BUG  # E: Dense(16 => 1) expects input Tensor[..., 16], got Tensor[8, 33]; need size 16 at axis -1 (got 33)  [shape]
print(p.shape)
