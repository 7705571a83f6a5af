"""A generic split of the features into halves recombined by a gate; the gate is taken from
a slice one too long."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


def glu(x: Tensor[B, "2*N"]) -> Tensor[B, N]:
    half = x.shape[1] // 2
    return x[:, :half] * tf.sigmoid(x[:, half - 1:])  # BUG  # E: Cannot broadcast for "mul": x has Tensor[B, N], y has Tensor[B, N + 1]; need equal sizes or 1 at axis -1 (N vs N + 1)  [shape]


print(glu(tf.randn(3, 8)).shape)
