"""Wide & Deep for CTR: one embedding per categorical field (a list built from the vocabulary
sizes), the deep tower reads every field's embedding concatenated with the dense features, the
wide part is a linear model over the crossed one-hot features; the logits are summed."""
from __future__ import annotations

from typing import List

import typedflux as tf
from typedflux import Chain, Dense, Embedding, Tensor, relu, sigmoid


class WideAndDeep:
    def __init__(self, vocab_sizes: List[int], n_dense: int, n_cross: int, d: int = 4) -> None:
        self.embs = [Embedding(v, d) for v in vocab_sizes]
        self.deep = Chain(
            Dense(len(vocab_sizes) * d, 16, relu),
            Dense(16, 8, relu),
            Dense(8, 1),
        )
        self.wide = Dense(n_cross, 1)

    def __call__(self, cats: Tensor, dense: Tensor, cross: Tensor) -> Tensor:
        embedded = [emb(cats[:, i]) for i, emb in enumerate(self.embs)]
        deep_in = tf.cat(*embedded, dense, axis=1)
        return sigmoid(self.deep(deep_in) + self.wide(cross))


model = WideAndDeep([10, 20, 5], n_dense=3, n_cross=12)
cats = tf.tensor([[1, 2, 3], [4, 5, 0]])
dense = tf.randn(2, 3)
cross = tf.randn(2, 12)
p = model(cats, dense, cross)  # BUG  # E: Chain layer 1 Dense(12 => 16, relu) expects input Tensor[..., 12], got Tensor[2, 15]; need size 12 at axis -1 (got 15)  [shape]
print(p.shape)
