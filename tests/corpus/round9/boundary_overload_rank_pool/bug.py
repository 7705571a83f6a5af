"""An overloaded pooling helper (a sequence of vectors, or a batch of them) checked by
`@tf.shapecheck` on its implementation; a batch of images matches neither overload."""
from typing import TypeVar, overload

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@overload
def pool(x: Tensor[T, D]) -> Tensor[D]: ...
@overload
def pool(x: Tensor[B, T, D]) -> Tensor[B, D]: ...
@tf.shapecheck
def pool(x):  # type: ignore[no-untyped-def]
    return x.mean(axis=-2)


images = tf.randn(2, 3, 8, 8)
print(pool(images).shape)  # BUG  # E: No overload of "pool" takes these shapes: overload 1: argument "x" has shape Tensor[2, 3, 8, 8], expected Tensor[T, D] (rank is 4, expected 2); overload 2: argument "x" has shape Tensor[2, 3, 8, 8], expected Tensor[B, T, D] (rank is 4, expected 3)  [shape]
