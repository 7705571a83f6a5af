"""pyright's samples pass shaped functions to higher-order ones (`Callable[[Array[*Shape]],
Array[*Shape]]`). Translated: a generic `apply` over a widening function, then a head sized
for the unwidened features. Passing the function is correct (plain mypy is silent on the same
program in standard spelling, it runs); it was refused, fixed since: the call's bound dims are
put into the Callable parameter's type (translate/writing.py)."""
from typing import Callable, Literal, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
I = TypeVar("I", bound=int)
O = TypeVar("O", bound=int)


def apply(f: Callable[[Tensor[B, I]], Tensor[B, O]], x: Tensor[B, I]) -> Tensor[B, O]:
    return f(x)


def widen(x: Tensor[B, Literal[4]]) -> Tensor[B, Literal[8]]:
    return tf.cat(x, x, axis=1)


head = Dense(8, 1)
y = apply(widen, tf.randn(3, 4))
print(head(y).shape)
