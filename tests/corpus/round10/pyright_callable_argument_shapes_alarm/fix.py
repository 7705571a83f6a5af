"""pyright's samples pass shaped functions to higher-order ones (`Callable[[Array[*Shape]],
Array[*Shape]]`). Translated: a generic `apply` over a widening function, then a head sized
for the unwidened features. Passing the function is correct (plain mypy is silent on the same
program in standard spelling, it runs) but is refused."""
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
y = apply(widen, tf.randn(3, 4))  # ALARM[gap checker: a shaped def given for a Callable[[Tensor[B, I]], Tensor[B, O]] parameter is refused, mypy's own [arg-type] in Literal words (plain mypy is silent)]  # E: Argument 1 to "apply" has incompatible type "Callable[[Tensor[B@widen, Literal[4]]], Tensor[B@widen, Literal[8]]]"; expected "Callable[[Tensor[B@apply, I]], Tensor[B@apply, O]]"  [arg-type]
print(head(y).shape)
