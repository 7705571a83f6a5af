"""Adding per-example weights of shape (B,) to (B, N) scores, generic over B and N."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


def weighted(scores: Tensor[B, N], w: Tensor[B]) -> Tensor[B, N]:
    return scores * w  # BUG  # E: Cannot broadcast for "mul": x has Tensor[B, N], y has Tensor[B]; need equal sizes or 1 at axis -1 (N vs B); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]


print(weighted(tf.randn(2, 3), tf.ones(2)).shape)
