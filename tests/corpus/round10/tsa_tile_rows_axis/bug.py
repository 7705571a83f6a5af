"""Tensor Shape Annotations' `tile` test, translated: doubling the rows of a (N, D) matrix; the
repetitions were given for the columns."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def double_rows(x: Tensor[N, D]) -> Tensor["2*N", D]:
    return tf.tile(x, 1, 2)  # BUG  # E: Return shape Tensor[N, 2*D] does not match the annotation Tensor[2*N, D]: axis 0 is N, expected 2*N  [shape]


print(double_rows(tf.randn(3, 4)).shape)
