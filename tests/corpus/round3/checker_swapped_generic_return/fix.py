"""(pyrefly tensor_subtyping) a generic function returns its input where the annotation
promises the axes swapped."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def to_columns(x: Tensor[N, M]) -> Tensor[M, N]:
    return x.T


print(to_columns(tf.randn(3, 5)).shape)
