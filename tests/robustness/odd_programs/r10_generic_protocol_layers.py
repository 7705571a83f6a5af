"""A generic Protocol of shaped layers taking a typed user class and a Dense."""
from typing import Literal, Protocol, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
I = TypeVar("I", bound=int)
O = TypeVar("O", bound=int)
I_contra = TypeVar("I_contra", bound=int, contravariant=True)
O_co = TypeVar("O_co", bound=int, covariant=True)


class Layer(Protocol[I_contra, O_co]):
    def __call__(self, x: Tensor[B, I_contra]) -> Tensor[B, O_co]: ...


class Widen:
    def __call__(self, x: Tensor[B, Literal[4]]) -> Tensor[B, Literal[8]]:
        return tf.cat(x, x, axis=1)


def run(layer: Layer[I, O], x: Tensor[B, I]) -> Tensor[B, O]:
    return layer(x)


x = tf.randn(3, 4)
print(run(Widen(), x).shape, run(Dense(4, 6), x).shape)
