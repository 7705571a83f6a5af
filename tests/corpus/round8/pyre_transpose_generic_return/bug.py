"""Pyre's tensor tests: transpose(0, 1) of Tensor[N, M] is Tensor[M, N]; a helper keeps
the annotation of its input."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def time_major(x: Tensor[B, T, D]) -> Tensor[T, B, D]:
    return x.swapaxes(1, 2)  # BUG  # E: Return shape Tensor[B, D, T] does not match the annotation Tensor[T, B, D]: axis 0 is B, expected T  [shape]


print(time_major(tf.randn(2, 7, 3)).shape)
