"""Layers passed for generic ``Protocol`` parameters over dims (``f: Module[I, H]``): the
protocol's type arguments are the call's dims, bound by the tensor arguments and by the
layers' outputs in parameter order, so a layer given the wrong width, or two layers that do
not compose, are `[shape]` errors (mypy alone says `[arg-type]` in `Literal` words, or `Cannot
infer value of type parameter "H"  [misc]`). Each fix is clean and typed by the dims bound.

These functions are not decorated with ``@tf.shapecheck`` (which binds the protocol's type
arguments the same way: case_generic_protocol_runtime.py): at run time the function's body
fails where it calls the layer, in the layer's words; each such line says ``# at run time:
the body fails``.
"""

from typing import Protocol, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
I = TypeVar("I", bound=int)
H = TypeVar("H", bound=int)
O = TypeVar("O", bound=int)
In = TypeVar("In", bound=int, contravariant=True)
Out = TypeVar("Out", bound=int, covariant=True)


class Module(Protocol[In, Out]):
    def __call__(self, x: Tensor[B, In]) -> Tensor[B, Out]: ...


def apply(f: Module[I, O], x: Tensor[B, I]) -> Tensor[B, O]:
    return f(x)


def compose(f: Module[I, H], g: Module[H, O], x: Tensor[B, I]) -> Tensor[B, O]:
    return g(f(x))


# -- concrete ------------------------------------------------------------------------------
apply(Dense(4, 8), tf.randn(2, 5))  # at run time: the body fails  # E: Argument "f" of "apply" cannot take the input its annotation gives: Dense(4 => 8) expects input Tensor[..., 4], got Tensor[B, 5]; need size 4 at axis -1 (got 5)  [shape]
reveal_type(apply(Dense(4, 8), tf.randn(2, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8]]"
compose(Dense(4, 8), Dense(6, 2), tf.randn(2, 4))  # at run time: the body fails  # E: Argument "g" of "compose" cannot take the input its annotation gives: Dense(6 => 2) expects input Tensor[..., 6], got Tensor[B, 8]; need size 6 at axis -1 (got 8)  [shape]
reveal_type(compose(Dense(4, 8), Dense(8, 2), tf.randn(2, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[2]]"
compose(Chain(Dense(4, 16, relu), Dense(16, 8)), Dense(6, 2), tf.randn(2, 4))  # at run time: the body fails  # E: Argument "g" of "compose" cannot take the input its annotation gives: Dense(6 => 2) expects input Tensor[..., 6], got Tensor[B, 8]; need size 6 at axis -1 (got 8)  [shape]
compose(Chain(Dense(4, 16, relu), Dense(16, 8)), Dense(8, 2), tf.randn(2, 4))


# -- symbolic: the tensor's batch dim a symbol ---------------------------------------------
def run(x: Tensor[N, 4]) -> None:
    compose(Dense(4, 8), Dense(6, 2), x)  # at run time: the body fails  # E: Argument "g" of "compose" cannot take the input its annotation gives: Dense(6 => 2) expects input Tensor[..., 6], got Tensor[B, 8]; need size 6 at axis -1 (got 8)  [shape]


def run_fixed(x: Tensor[N, 4]) -> Tensor[N, 2]:
    return compose(Dense(4, 8), Dense(8, 2), x)


run(tf.randn(3, 4))
run_fixed(tf.randn(3, 4))
