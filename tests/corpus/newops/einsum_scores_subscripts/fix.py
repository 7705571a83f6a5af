"""Attention scores by einsum with the key subscripts in the wrong order."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


def scores(q: Tensor[B, H, T, D], k: Tensor[B, H, T, D]) -> Tensor[B, H, T, T]:
    return tf.einsum("bhtd,bhsd->bhts", q, k)


print(scores(tf.randn(1, 2, 3, 4), tf.randn(1, 2, 3, 4)).shape)
