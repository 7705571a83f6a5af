"""A pooling helper is overloaded for images and sequences; it gets a flat vector batch."""
from typing import TypeVar, overload

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)
T = TypeVar("T", bound=int)


@overload
def pool(x: Tensor[B, C, H, W]) -> Tensor[B, C]: ...
@overload
def pool(x: Tensor[B, T, C]) -> Tensor[B, C]: ...
@tf.shapecheck
def pool(x: Tensor) -> Tensor:
    if x.ndim == 4:
        return x.mean(axis=(2, 3))
    return x.mean(axis=1)


features = tf.randn(2, 8, 4, 4).reshape(2, 128)
pooled = pool(features)  # BUG  # E: No overload of "pool" takes these shapes: overload 1: argument "x" has shape Tensor[2, 128], expected Tensor[B, C, H, W] (rank is 2, expected 4); overload 2: argument "x" has shape Tensor[2, 128], expected Tensor[B, T, C] (rank is 2, expected 3)  [shape]
print(pooled.shape)
