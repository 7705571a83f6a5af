"""(pyrefly tensor_subtyping) a generic function returns its input where the annotation
promises the axes swapped."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def to_columns(x: Tensor[N, M]) -> Tensor[M, N]:
    return x  # BUG  # E: Return shape Tensor[N, M] does not match the annotation Tensor[M, N]: axis 0 is N, expected M  [shape]


print(to_columns(tf.randn(3, 5)).shape)
