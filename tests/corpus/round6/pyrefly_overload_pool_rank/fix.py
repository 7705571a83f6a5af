"""pyrefly style: a pooling helper overloaded on rank; its result feeds a Dense of the
wrong width."""
from typing import Any, TypeVar, overload

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
L = TypeVar("L", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@overload
def pool(x: Tensor[B, C, L]) -> Tensor[B, C]: ...
@overload
def pool(x: Tensor[B, C, H, W]) -> Tensor[B, C]: ...
def pool(x: Any) -> Any:
    return x.mean(axis=tuple(range(2, len(x.shape))))


head = Dense(8, 4)
print(head(pool(tf.zeros(2, 8, 5, 5))).shape)
