"""An embedding helper overloaded for one sequence and a batch; the batch is given
one-hot rows of the wrong vocabulary size."""
from typing import Any, TypeVar, overload

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
proj = Dense(50, 16, bias=False)


@overload
def embed(x: Tensor[T, 50]) -> Tensor[T, 16]: ...
@overload
def embed(x: Tensor[B, T, 50]) -> Tensor[B, T, 16]: ...
@tf.shapecheck
def embed(x: Any) -> Any:
    return proj(x)


tokens = tf.onehot([[1, 4, 2], [3, 3, 0]], 40)
print(embed(tokens).shape)  # BUG  # E: No overload of "embed" takes these shapes: overload 1: argument "x" has shape Tensor[2, 3, 40], expected Tensor[T, 50] (rank is 3, expected 2); overload 2: argument "x" has shape Tensor[2, 3, 40], expected Tensor[B, T, 50] (axis 2 is 40, expected 50)  [shape]
