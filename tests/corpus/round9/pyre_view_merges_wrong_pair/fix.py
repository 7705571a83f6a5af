"""Pyre's `view` test, translated: merging the two leading axes of (A, B, C); the reshape kept
the first and merged the last two."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

A = TypeVar("A", bound=int)
Bd = TypeVar("Bd", bound=int)
C = TypeVar("C", bound=int)


@tf.shapecheck
def merge_leading(x: Tensor[A, Bd, C]) -> Tensor["A*Bd", C]:
    return x.reshape(-1, x.shape[2])


print(merge_leading(tf.randn(2, 3, 4)).shape)
