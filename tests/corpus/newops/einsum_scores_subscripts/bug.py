"""Attention scores by einsum with the key subscripts in the wrong order."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


def scores(q: Tensor[B, H, T, D], k: Tensor[B, H, T, D]) -> Tensor[B, H, T, T]:
    return tf.einsum("bhtd,bhds->bhts", q, k)  # BUG  # E: Sizes differ for "einsum": xs[0] has Tensor[B, H, T, D], xs[1] has Tensor[B, H, T, D]; need one size for "d" in "bhtd,bhds->bhts" (D at axis 3 of xs[0] vs T at axis 2 of xs[1])  [shape]


print(scores(tf.randn(1, 2, 3, 4), tf.randn(1, 2, 3, 4)).shape)
