"""Pyre's `torch.cat` shape test, translated: joining (N, M) and (N, K) along the columns;
the rows' axis was given."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
K = TypeVar("K", bound=int)


@tf.shapecheck
def cat_columns(a: Tensor[N, M], b: Tensor[N, K]) -> Tensor[N, "M+K"]:
    return tf.cat(a, b, axis=0)  # BUG  # E: Sizes differ for "cat": xs[0] has Tensor[N, M], xs[1] has Tensor[N, K]; need equal sizes except at axis 0 (M vs K at axis 1)  [shape]


print(cat_columns(tf.randn(2, 3), tf.randn(2, 5)).shape)
