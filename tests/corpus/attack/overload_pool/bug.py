"""An overloaded pooling helper: one overload for sequences, one for images; called with a
map of the wrong rank for both."""
from typing import Any, TypeVar, overload

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
T = TypeVar("T", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@overload
def pool(x: Tensor[B, T, C]) -> Tensor[B, C]: ...
@overload
def pool(x: Tensor[B, C, H, W]) -> Tensor[B, C]: ...
@tf.shapecheck
def pool(x: Any) -> Any:
    return x.mean(axis=1) if x.ndim == 3 else x.mean(axis=(2, 3))


feats = tf.randn(4, 16, 8, 8)
print(pool(feats.reshape(4, 16, 8, 8, 1)).shape)  # BUG  # E: No overload of "pool" takes these shapes: overload 1: argument "x" has shape Tensor[4, 16, 8, 8, 1], expected Tensor[B, T, C] (rank is 5, expected 3); overload 2: argument "x" has shape Tensor[4, 16, 8, 8, 1], expected Tensor[B, C, H, W] (rank is 5, expected 4)  [shape]
