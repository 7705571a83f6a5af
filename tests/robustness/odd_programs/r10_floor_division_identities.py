"""Floor-division and slicing identities in annotations: (2*N+1)//2, (N*M)//M, halves, strides."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def a(x: Tensor[N]) -> Tensor["(2*N+1)//2"]:
    return x


@tf.shapecheck
def b(x: Tensor[N, M]) -> Tensor["(N*M)//M"]:
    return x[:, 0]


@tf.shapecheck
def c(x: Tensor[N]) -> Tensor["(N+2)//2-1"]:
    return x[: x.shape[0] // 2]


@tf.shapecheck
def d(x: Tensor[N]) -> Tensor[N]:
    h = x.shape[0] // 2
    return tf.cat(x[:h], x[h:])


@tf.shapecheck
def e(x: Tensor[N]) -> Tensor["N - N//2"]:
    return x[x.shape[0] // 2:]


@tf.shapecheck
def f(x: Tensor[N]) -> Tensor["(N+1)//2"]:
    return x[::2]


@tf.shapecheck
def g(x: Tensor[N]) -> Tensor["N//2"]:
    return x[1::2]


@tf.shapecheck
def h(x: Tensor["2*N"]) -> Tensor[N]:
    return x[::2]


print(a(tf.randn(5)).shape, b(tf.randn(3, 4)).shape, c(tf.randn(7)).shape, d(tf.randn(7)).shape, e(tf.randn(7)).shape)
print(f(tf.randn(7)).shape, g(tf.randn(7)).shape, h(tf.randn(8)).shape)
