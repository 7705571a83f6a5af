"""Calls of annotated user functions: dims bound per call, string dims solved, rigid inside."""

from typing import TypeVar, overload

from typing_extensions import TypeVarTuple

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
K = TypeVar("K", bound=int)


@tf.shapecheck
def predict(x: Tensor[B, 784], w: Tensor[784, 10]) -> Tensor[B, 10]:
    return x @ w


reveal_type(predict(tf.zeros(32, 784), tf.zeros(784, 10)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[32], Literal[10]]"
wrong_features = predict(tf.zeros(32, 700), tf.zeros(784, 10))  # E: Argument "x" of "predict" has shape Tensor[32, 700], which does not match the annotation Tensor[B, 784]: axis 1 is 700, expected 784  [shape]  # N: B=32


@tf.shapecheck
def pair(x: Tensor[B, 3], y: Tensor[B, 5]) -> Tensor[B, 8]:
    return tf.concat([x, y], axis=1)


reveal_type(pair(tf.zeros(4, 3), tf.zeros(4, 5)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[8]]"
batch_differs = pair(tf.zeros(4, 3), tf.zeros(6, 5))  # E: Dim "B" differs for "pair": argument "x" gives B = 4, argument "y" gives B = 6; need one size for B (4 vs 6)  [shape]  # N: B=4


@tf.shapecheck
def halve(x: Tensor["2*N"]) -> Tensor[N]:
    return x[: x.shape[0] // 2]


reveal_type(halve(tf.zeros(6)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3]]"
odd = halve(tf.zeros(7))  # E: Argument "x" of "halve" has shape Tensor[7], which does not match the annotation Tensor[2*N]: axis 0 is 7, expected 2*N  [shape]


@tf.shapecheck
def double(x: Tensor[N]) -> Tensor["2*N"]:
    return tf.concat([x, x])


reveal_type(double(tf.zeros(3)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[6]]"
reveal_type(double(double(tf.zeros(3))))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[12]]"


@tf.shapecheck
def pool_size(x: Tensor[B, "(N-3)//2+1"], n: Tensor[N]) -> Tensor[B, N]:
    return tf.zeros(x.shape[0], n.shape[0])


reveal_type(pool_size(tf.zeros(2, 13), tf.zeros(28)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[28]]"


@tf.shapecheck
def caller(x: Tensor[K, 784], w: Tensor[784, 10]) -> Tensor[K, 10]:
    return predict(x, w)


@tf.shapecheck
def caller_wrong(x: Tensor[K, 700], w: Tensor[784, 10]) -> Tensor[K, 10]:
    return predict(x, w)  # E: Argument "x" of "predict" has shape Tensor[K, 700], which does not match the annotation Tensor[B, 784]: axis 1 is 700, expected 784  [shape]  # N: B=K


caller(tf.zeros(2, 784), tf.zeros(784, 10))
caller_wrong(tf.zeros(2, 700), tf.zeros(784, 10))


@tf.shapecheck
def symbolic_double(x: Tensor[K]) -> Tensor["2*K"]:
    return double(x)


@tf.shapecheck
def unknown(n: int) -> None:
    reveal_type(predict(tf.zeros(n, 784), tf.zeros(784, 10)))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Literal[10]]"
    reveal_type(halve(tf.zeros(n)))  # N: Revealed type is "typedflux.tensor.Tensor[Any]"


class Model:
    @tf.shapecheck
    def forward(self, x: Tensor[B, 784]) -> Tensor[B, 10]:
        return x @ tf.zeros(784, 10)


m = Model()
reveal_type(m.forward(tf.zeros(3, 784)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[10]]"
bad_forward = m.forward(tf.zeros(3, 100))  # E: Argument "x" of "Model.forward" has shape Tensor[3, 100], which does not match the annotation Tensor[B, 784]: axis 1 is 100, expected 784  [shape]  # N: B=3


@tf.shapecheck
def caller_expr(x: Tensor[K]) -> None:
    reveal_type(halve(double(x)))  # N: Revealed type is "typedflux.tensor.Tensor[K]"
    reveal_type(halve(tf.concat([x, x, x, x])))  # N: Revealed type is "typedflux.tensor.Tensor[Literal['2*K']]"


@tf.shapecheck
def caller_unsolvable(x: Tensor["K+1"]) -> None:
    reveal_type(halve(x))  # N: Revealed type is "typedflux.tensor.Tensor[Any]"


Bs = TypeVarTuple("Bs")


@tf.shapecheck
def last_axis(x: Tensor[*Bs, 10]) -> Tensor[*Bs, 1]:
    return x.sum(axis=-1, keepdims=True)


reveal_type(last_axis(tf.zeros(2, 3, 10)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3], Literal[1]]"
wrong_last = last_axis(tf.zeros(2, 3, 11))  # E: Argument "x" of "last_axis" has shape Tensor[2, 3, 11], which does not match the annotation Tensor[*Bs, 10]: axis -1 is 11, expected 10  [shape]  # N: *Bs=(2, 3)


@tf.shapecheck
def string_dims_in_body(x: Tensor[B, "2*N"], n: Tensor[N]) -> Tensor[B, "2*N"]:
    reveal_type(x.shape)  # N: Revealed type is "tuple[B, int]"
    width = x.shape[1] + 1
    reveal_type(x + x)  # N: Revealed type is "typedflux.tensor.Tensor[B, Literal['2*N']]"
    reveal_type(tf.concat([n, n]))  # N: Revealed type is "typedflux.tensor.Tensor[Literal['2*N']]"
    return x * 2


reveal_type(string_dims_in_body(tf.zeros(3, 8), tf.zeros(4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[8]]"
mismatched_n = string_dims_in_body(tf.zeros(3, 8), tf.zeros(5))  # E: Dim "N" differs for "string_dims_in_body": argument "x" gives N = 4, argument "n" gives N = 5; need one size for N (4 vs 5)  [shape]  # N: B=3, N=4


@overload
def head(x: Tensor[B, 3]) -> Tensor[B, 1]: ...
@overload
def head(x: Tensor[B, 4]) -> Tensor[B, 2]: ...
def head(x: Tensor[B, int]) -> Tensor[B, int]:
    return x[:, : x.shape[1] // 2]


reveal_type(head(tf.zeros(2, 3)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[1]]"
reveal_type(head(tf.zeros(2, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[2]]"
