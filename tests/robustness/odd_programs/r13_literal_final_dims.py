"""Dims spelled as Literal[...], Final constants, Any, int, and aliases of them."""
from typing import Any, Final, Literal, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
HIDDEN: Final = 16
OUT: Final[int] = 4
Three = Literal[3]
Logits = Tensor[B, 4]


def f(x: Tensor[Literal[3], Literal[16]]) -> Tensor[Three, OUT]:
    return Dense(HIDDEN, OUT)(x)


def g(x: Tensor[Any, HIDDEN]) -> Tensor[int, 4]:
    return Dense(16, 4)(x)


def h(x: Tensor[B, HIDDEN]) -> Logits[B]:
    return Dense(HIDDEN, OUT)(x)


def k(x: Tensor[B, "HIDDEN"]) -> Tensor[B, "OUT*1"]:
    return Dense(HIDDEN, OUT)(x)


x = tf.randn(3, 16)
a: Tensor[3, 4] = f(x)
b: Tensor[Literal[3], Literal[4]] = g(x)
c: Logits[Literal[3]] = h(x)
d: Tensor[3, OUT] = k(x)
print(a.shape, b.shape, c.shape, d.shape)
