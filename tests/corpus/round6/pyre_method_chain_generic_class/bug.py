"""Pyre style: a generic matrix wrapper whose methods return new shapes; transposing twice
leaves the inner dims apart."""
from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Tensor

R = TypeVar("R", bound=int)
C = TypeVar("C", bound=int)
K = TypeVar("K", bound=int)


class Matrix(Generic[R, C]):
    def __init__(self, data: Tensor[R, C]) -> None:
        self.data = data

    def t(self) -> "Matrix[C, R]":
        return Matrix(self.data.T)

    def matmul(self, other: "Matrix[C, K]") -> "Matrix[R, K]":
        return Matrix(self.data @ other.data)


a = Matrix(tf.randn(3, 4))
b = Matrix(tf.randn(3, 5))
print(a.matmul(b).data.shape)  # BUG[gap checker: caught in shape words naming the dim, but the run time cannot check a generic class's type arguments (Python erases them): it fails in matmul's body, in that op's words]  # E: Dim "C" differs for "Matrix.matmul": argument "self" gives C = 4, argument "other" gives C = 3; need one size for C (4 vs 3)  [shape]  # N: R=3, C=4
