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
    return tf.cat(a, b, axis=1)


print(cat_columns(tf.randn(2, 3), tf.randn(2, 5)).shape)
