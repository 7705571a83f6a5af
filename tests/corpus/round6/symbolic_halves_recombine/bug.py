"""A generic split of the features into halves recombined by a gate; the gate is taken from
a slice one too long."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


def glu(x: Tensor[B, "2*N"]) -> Tensor[B, N]:
    half = x.shape[1] // 2
    return x[:, :half] * tf.sigmoid(x[:, half - 1:])  # BUG[gap flow: half = x.shape[1] // 2 bound to a name is an int; x[:, :half] loses N (written inline it is N)]


print(glu(tf.randn(3, 8)).shape)
