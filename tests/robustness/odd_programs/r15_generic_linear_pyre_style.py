"""Pyre-style generic Linear over its in/out dims, composed; generic dataclass batches."""
from dataclasses import dataclass
from typing import Generic, Literal, Tuple, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
I = TypeVar("I", bound=int)
H = TypeVar("H", bound=int)
O = TypeVar("O", bound=int)


class Linear(Generic[I, O]):
    def __init__(self, weight: Tensor[O, I], bias: Tensor[O]) -> None:
        self.weight = weight
        self.bias = bias

    def __call__(self, x: Tensor[B, I]) -> Tensor[B, O]:
        return x @ self.weight.T + self.bias

    def transposed(self) -> "Linear[O, I]":
        return Linear(self.weight.T, tf.zeros(self.weight.shape[1]))


def compose(a: Linear[I, H], b: Linear[H, O], x: Tensor[B, I]) -> Tensor[B, O]:
    return b(a(x))


def make(i: I, o: O) -> Linear[I, O]:
    return Linear(tf.randn(o, i), tf.zeros(o))


@dataclass
class Batch(Generic[B, I]):
    x: Tensor[B, I]
    y: Tensor[B]

    def split(self) -> Tuple["Batch[int, I]", "Batch[int, I]"]:
        n = self.x.shape[0] // 2
        return Batch(self.x[:n], self.y[:n]), Batch(self.x[n:], self.y[n:])


l1 = Linear(tf.randn(8, 4), tf.zeros(8))
l2 = Linear(tf.randn(3, 8), tf.zeros(3))
print(compose(l1, l2, tf.ones(5, 4)).shape, l1.transposed()(tf.ones(2, 8)).shape)
m1 = make(4, 8)
print(m1(tf.ones(2, 4)).shape)
b = Batch(tf.ones(6, 4), tf.zeros(6))
left, right = b.split()
print(left.x.shape, l1(left.x).shape)
lit: Linear[Literal[4], Literal[8]] = l1
print(lit(tf.ones(1, 4)).shape)
