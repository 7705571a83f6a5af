"""Translated from Pyre's generic-module tests: a layer applied through a generic `Protocol`
parameter to an input of the wrong width."""
from typing import Protocol, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
I = TypeVar("I", bound=int)
O = TypeVar("O", bound=int)
In = TypeVar("In", bound=int, contravariant=True)
Out = TypeVar("Out", bound=int, covariant=True)


class Module(Protocol[In, Out]):
    def __call__(self, x: Tensor[B, In]) -> Tensor[B, Out]: ...


def apply(f: Module[I, O], x: Tensor[B, I]) -> Tensor[B, O]:
    return f(x)


print(apply(Dense(4, 8), tf.randn(2, 5)).shape)  # BUG[gap checker: a layer through a generic Protocol parameter (Module[I, O]) given the wrong width stays mypy's [arg-type] in Literal words]  # E: Argument 1 to "apply" has incompatible type "Dense[Literal[4], Literal[8]]"; expected "Module[Literal[5], Literal[8]]"  [arg-type]  # N: "Module[Literal[5], Literal[8]].__call__" has type "def [B: int] __call__(self, x: Tensor[B, Literal[5]]) -> Tensor[B, Literal[8]]"
