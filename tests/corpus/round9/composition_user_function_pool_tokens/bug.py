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
    Dense(SEQ, 3),  # BUG  # E: Chain layer 4 Dense(12 => 3) expects input Tensor[..., 12], but layer 3 mean_tokens produces Tensor[B, 24]; change Dense(12 => 3) to Dense(24 => 3)  [shape]
)
print(model(tf.tensor([[1] * SEQ, [2] * SEQ])).shape)
