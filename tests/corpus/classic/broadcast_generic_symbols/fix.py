"""Adding per-example weights of shape (B,) to (B, N) scores, generic over B and N."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


def weighted(scores: Tensor[B, N], w: Tensor[B]) -> Tensor[B, N]:
    return scores * w[:, None]


print(weighted(tf.randn(2, 3), tf.ones(2)).shape)
