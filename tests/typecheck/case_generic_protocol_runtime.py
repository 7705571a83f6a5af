"""Generic callable parameters over dims (``f: Module[I, O]`` with ``class Module(Protocol[In,
Out])``) under ``@tf.shapecheck``: the run time binds the protocol's type arguments as the
checker does, from the tensor arguments and then from each typedflux layer's output for the
input its annotation gives, and raises the checker's words where the function is called,
not the layer's words inside its body (``shapecheck_layers.check_layer_with_bound``)."""

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


@tf.shapecheck
def apply(f: Module[I, O], x: Tensor[B, I]) -> Tensor[B, O]:
    return f(x)


@tf.shapecheck
def compose(f: Module[I, H], g: Module[H, O], x: Tensor[B, I]) -> Tensor[B, O]:
    return g(f(x))


apply(Dense(4, 8), tf.randn(2, 5))  # E: Argument "f" of "apply" cannot take the input its annotation gives: Dense(4 => 8) expects input Tensor[..., 4], got Tensor[B, 5]; need size 4 at axis -1 (got 5)  [shape]
apply(Dense(5, 8), tf.randn(2, 5))
compose(Dense(4, 8), Dense(6, 2), tf.randn(2, 4))  # E: Argument "g" of "compose" cannot take the input its annotation gives: Dense(6 => 2) expects input Tensor[..., 6], got Tensor[B, 8]; need size 6 at axis -1 (got 8)  [shape]
compose(Dense(4, 8), Dense(8, 2), tf.randn(2, 4))
