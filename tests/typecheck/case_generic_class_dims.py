"""A user generic class over dims: ``Matrix(Generic[R, C])`` holds a ``Tensor[R, C]``, and
``matmul(self, other: Matrix[C, K]) -> Matrix[R, K]`` asks for the receiver's ``C``. A call
whose argument's type arguments differ is a ``[shape]`` error naming the dim (mypy alone
says ``[arg-type]`` in ``Literal[...]`` words), concrete and symbolic; each fix is clean.

The run time does not know a generic instance's type arguments (Python erases them), so
``@tf.shapecheck`` cannot check these calls: the method's body fails instead, in its op's
words. Each such line says ``# at run time: the body fails`` (tests/typecheck/
test_runtime_cases.py holds it to failing there).
"""

from typing import Generic, Literal, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

R = TypeVar("R", bound=int)
C = TypeVar("C", bound=int)
K = TypeVar("K", bound=int)
B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class Matrix(Generic[R, C]):
    def __init__(self, data: Tensor[R, C]) -> None:
        self.data = data

    def t(self) -> "Matrix[C, R]":
        return Matrix(self.data.T)

    def matmul(self, other: "Matrix[C, K]") -> "Matrix[R, K]":
        return Matrix(self.data @ other.data)


def product(a: Matrix[R, C], b: Matrix[C, K]) -> Matrix[R, K]:
    return Matrix(a.data @ b.data)


def stacked(first: Matrix[R, C], *rest: Matrix[R, C]) -> Tensor[int, C]:
    return tf.concat([first.data, *[m.data for m in rest]], axis=0)


def rows3(m: Matrix[Literal[3], C]) -> Tensor[Literal[3], C]:
    return m.data * tf.ones(3, 1)


# -- concrete ----------------------------------------------------------------------------
a = Matrix(tf.randn(3, 4))
b = Matrix(tf.randn(3, 5))
a.matmul(b)  # at run time: the body fails  # E: Dim "C" differs for "Matrix.matmul": argument "self" gives C = 4, argument "other" gives C = 3; need one size for C (4 vs 3)  [shape]  # N: R=3, C=4
reveal_type(a.t().matmul(b))  # N: Revealed type is "case_generic_class_dims.Matrix[Literal[4], Literal[5]]"
product(a, b)  # at run time: the body fails  # E: Dim "C" differs for "product": argument "a" gives C = 4, argument "b" gives C = 3; need one size for C (4 vs 3)  [shape]  # N: R=3, C=4
reveal_type(product(a.t(), b))  # N: Revealed type is "case_generic_class_dims.Matrix[Literal[4], Literal[5]]"
rows3(a.t())  # at run time: the body fails  # E: Argument "m" of "rows3" has Matrix[4, 3], which does not match the annotation Matrix[3, C]: type argument 0 is 4, expected 3  [shape]
rows3(a)
stacked(a, a, a.t())  # at run time: the body fails  # E: Dim "R" differs for "stacked": argument "first" gives R = 3, argument "rest[1]" gives R = 4; need one size for R (3 vs 4)  [shape]  # N: R=3, C=4
stacked(a, a, a)


# -- symbolic: inside generic functions ------------------------------------------------------
def chained(x: Matrix[B, N], y: Matrix[B, Literal[8]]) -> None:
    x.matmul(y)  # at run time: the body fails  # E: Dim "C" differs for "Matrix.matmul": argument "self" gives C = N, argument "other" gives C = B; need one size for C (N vs B)  [shape]  # N: R=B, C=N


def chained_fixed(x: Matrix[B, N], y: Matrix[B, Literal[8]]) -> Matrix[N, Literal[8]]:
    return x.t().matmul(y)


# -- unknown dims prove nothing: no error, and no [arg-type] for an int-sized matrix ----------
def sized_at_run_time(n: int) -> None:
    m = Matrix(tf.randn(n, 4))
    rows3(m)
    a.matmul(Matrix(tf.randn(4, n)))
    reveal_type(m.matmul(Matrix(tf.randn(4, 2))))  # N: Revealed type is "case_generic_class_dims.Matrix[Any, Literal[2]]"


chained(Matrix(tf.randn(2, 6)), Matrix(tf.randn(2, 8)))
chained_fixed(Matrix(tf.randn(2, 6)), Matrix(tf.randn(2, 8)))
sized_at_run_time(3)


# -- a generic class built from instances of another (its __init__'s parameters) --------------
class Pair(Generic[R, C, K]):
    def __init__(self, first: Matrix[R, C], second: Matrix[C, K]) -> None:
        self.first = first
        self.second = second

    def product(self) -> Matrix[R, K]:
        return self.first.matmul(self.second)


Pair(a, b).product()  # at run time: the body fails  # E: Dim "C" differs for "Pair": argument "first" gives C = 4, argument "second" gives C = 3; need one size for C (4 vs 3)  [shape]  # N: R=3, C=4
reveal_type(Pair(a, a.t()))  # N: Revealed type is "case_generic_class_dims.Pair[Literal[3], Literal[4], Literal[3]]"


def paired(x: Matrix[B, N], y: Matrix[B, N]) -> None:
    Pair(x, y).product()  # at run time: the body fails  # E: Dim "C" differs for "Pair": argument "first" gives C = N, argument "second" gives C = B; need one size for C (N vs B)  [shape]  # N: R=B, C=N


def paired_fixed(x: Matrix[B, N], y: Matrix[N, B]) -> Matrix[B, B]:
    return Pair(x, y).product()


paired(Matrix(tf.randn(2, 6)), Matrix(tf.randn(2, 6)).t().t())
paired_fixed(Matrix(tf.randn(2, 6)), Matrix(tf.randn(6, 2)))


# -- sizes written as bare ints in the class's annotation (as in Tensor[3, 4]) ------------------
def takes34(m: Matrix[3, 4]) -> Tensor[3, 4]:
    return m.data + tf.zeros(3, 4)


takes34(Matrix(tf.randn(3, 5)))  # at run time: the body fails  # E: Argument "m" of "takes34" has Matrix[3, 5], which does not match the annotation Matrix[3, 4]: type argument 1 is 5, expected 4  [shape]
takes34(Matrix(tf.randn(3, 4)))
square: Matrix[2, "2*2"] = Matrix(tf.randn(2, 4))
