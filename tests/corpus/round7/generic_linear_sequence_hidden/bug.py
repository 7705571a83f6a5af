"""A generic `Linear[I, O]` class and a `Seq[I, H, O]` of two of them: the second weight is
sized for 6 inputs where the first gives 8."""
from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
I = TypeVar("I", bound=int)
H = TypeVar("H", bound=int)
O = TypeVar("O", bound=int)


class Linear(Generic[I, O]):
    def __init__(self, w: Tensor[O, I]) -> None:
        self.w = w

    def __call__(self, x: Tensor[B, I]) -> Tensor[B, O]:
        return x @ self.w.T


class Seq(Generic[I, H, O]):
    def __init__(self, a: Linear[I, H], b: Linear[H, O]) -> None:
        self.a = a
        self.b = b

    def __call__(self, x: Tensor[B, I]) -> Tensor[B, O]:
        return self.b(self.a(x))


first = Linear(tf.randn(8, 4))
second = Linear(tf.randn(3, 6))
print(Seq(first, second)(tf.randn(2, 4)).shape)  # BUG[gap checker: caught in shape words naming the dim, but the run time cannot check a generic class's type arguments (Python erases them): it fails in matmul's body, in that op's words]  # E: Dim "H" differs for "Seq": argument "a" gives H = 8, argument "b" gives H = 6; need one size for H (8 vs 6)  [shape]  # N: I=4, H=8
