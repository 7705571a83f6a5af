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


print(apply(Dense(4, 8), tf.randn(2, 5)).shape)  # BUG[gap checker: caught in shape words once the tensor argument binds the protocol's dims; the run time binds them the same way only under @tf.shapecheck, which this program does not use: it fails in the layer's words where the body calls it]  # E: Argument "f" of "apply" cannot take the input its annotation gives: Dense(4 => 8) expects input Tensor[..., 4], got Tensor[B, 5]; need size 4 at axis -1 (got 5)  [shape]
