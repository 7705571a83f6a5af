"""Translated from Pyre's reshape tests: merging the two leading axes; the program merged the
two trailing ones."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

A = TypeVar("A", bound=int)
B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)


@tf.shapecheck
def merge(x: Tensor[A, B, C]) -> Tensor["A*B", C]:
    return x.reshape(x.shape[0] * x.shape[1], x.shape[2])


print(merge(tf.ones(2, 3, 4)).shape)
