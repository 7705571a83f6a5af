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


tokens = tf.onehot([[1, 4, 2], [3, 3, 0]], 50)
print(embed(tokens).shape)
