"""Translated from Pyre's generic-module tests: two layers composed through a generic
`Protocol` over their widths; the second takes 6 features where the first gives 8."""
from typing import Protocol, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
I = TypeVar("I", bound=int)
H = TypeVar("H", bound=int)
O = TypeVar("O", bound=int)
In = TypeVar("In", bound=int, contravariant=True)
Out = TypeVar("Out", bound=int, covariant=True)


class Module(Protocol[In, Out]):
    def __call__(self, x: Tensor[B, In]) -> Tensor[B, Out]: ...


def compose(f: Module[I, H], g: Module[H, O], x: Tensor[B, I]) -> Tensor[B, O]:
    return g(f(x))


print(compose(Dense(4, 8), Dense(6, 2), tf.randn(2, 4)).shape)  # BUG[gap checker: caught in shape words once the tensor argument binds the protocol's dims; the run time binds them the same way only under @tf.shapecheck, which this program does not use: it fails in the layer's words where the body calls it]  # E: Argument "g" of "compose" cannot take the input its annotation gives: Dense(6 => 2) expects input Tensor[..., 6], got Tensor[B, 8]; need size 6 at axis -1 (got 8)  [shape]
