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
    return h @ embed.weight  # BUG[gap redteam: a layer's parameters are typed Tensor of unknown shape (embed.weight is not known to be 50 x 16)]


print(logits(tf.tensor([[1, 2, 3]])).shape)
