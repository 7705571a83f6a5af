"""A typed user function pools tokens inside a Chain (mean over time); the classifier after
it was sized by the sequence length."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Embedding, LayerNorm, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


def mean_tokens(x: Tensor[B, T, D]) -> Tensor[B, D]:
    return x.mean(axis=1)


SEQ = 12
model = Chain(
    Embedding(50, 24),
    LayerNorm(24),
    mean_tokens,
    Dense(24, 3),
)
print(model(tf.tensor([[1] * SEQ, [2] * SEQ])).shape)
