"""Output logits tied to the embedding matrix: (vocab, dim) is used without a transpose."""
from typing import TypeVar

import typedflux as tf
from typedflux import Embedding, LayerNorm, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

embed = Embedding(50, 16)
norm = LayerNorm(16)


def logits(ids: Tensor[B, T]) -> Tensor[B, T, 50]:
    h = norm(embed(ids))
    return h @ embed.weight  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[B, T, 16], w has Tensor[50, 16]; need x.shape[-1] == w.shape[-2] (16 vs 50); did you mean to transpose w (w.T)?  [shape]


print(logits(tf.tensor([[1, 2, 3]])).shape)
