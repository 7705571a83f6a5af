"""Generic classes over dims, built from tensors and from ints (pyre/jaxtyping-style Linear)."""
from typing import Generic, Literal, Tuple, TypeVar, overload, Any

import typedflux as tf
from typedflux import Tensor

I = TypeVar("I", bound=int)
O = TypeVar("O", bound=int)
B = TypeVar("B", bound=int)


class Linear(Generic[I, O]):
    def __init__(self, w: Tensor[O, I], b: Tensor[O]) -> None:
        self.w = w
        self.b = b

    def __call__(self, x: Tensor[B, I]) -> Tensor[B, O]:
        return x @ self.w.T + self.b

    def compose(self, other: "Linear[O, B]") -> "Linear[I, B]":
        return Linear(other.w @ self.w, other.w @ self.b + other.b)


class Pair(Generic[I, O]):
    def __init__(self, a: Tensor[I], b: Tensor[O]) -> None:
        self.a, self.b = a, b

    def swap(self) -> "Pair[O, I]":
        return Pair(self.b, self.a)

    def both(self) -> Tuple[Tensor[I], Tensor[O]]:
        return self.a, self.b


l1 = Linear(tf.randn(8, 4), tf.randn(8))
l2 = Linear(tf.randn(3, 8), tf.randn(3))
y: Tensor[5, 8] = l1(tf.randn(5, 4))
l12 = l1.compose(l2)
z: Tensor[5, 3] = l12(tf.randn(5, 4))
p = Pair(tf.zeros(2), tf.zeros(3)).swap()
a, b = p.both()
aa: Tensor[3] = a
bb: Tensor[2] = b
print(y.shape, z.shape, aa.shape, bb.shape)
