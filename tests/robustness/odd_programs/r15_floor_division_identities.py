"""Floor-division identities true for every N >= 0, written as a practitioner might."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor, MaxPool

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


@tf.shapecheck
def back_half(x: Tensor[B, N]) -> Tensor[B, "(N + 1)//2"]:
    return x[:, x.shape[1] // 2:]


@tf.shapecheck
def twice_half(x: Tensor[B, "2*N + 1"]) -> Tensor[B, N]:
    return x[:, : x.shape[1] // 2]


@tf.shapecheck
def conv_style(x: Tensor[B, N]) -> Tensor[B, "(N - 1)//2 + 1"]:
    return x[:, ::2]


@tf.shapecheck
def quarter(x: Tensor[B, N]) -> Tensor[B, "N//4"]:
    h = x[:, : x.shape[1] // 2]
    return h[:, : h.shape[1] // 2]


@tf.shapecheck
def plus_four(x: Tensor[B, N]) -> Tensor[B, "N//4 + 1"]:
    return tf.pad(x, ((0, 0), (4, 0)))[:, ::4][:, : (x.shape[1] + 4) // 4]


@tf.shapecheck
def pool_twice(x: Tensor[B, 3, N, N]) -> Tensor[B, 3, "N//4", "N//4"]:
    return MaxPool((2, 2))(MaxPool((2, 2))(x))


@tf.shapecheck
def strided_then_back(x: Tensor[B, N]) -> Tensor[B, "N - N//2"]:
    return x[:, ::2]


print(back_half(tf.ones(2, 7)).shape, twice_half(tf.ones(2, 9)).shape, conv_style(tf.ones(2, 7)).shape,
      quarter(tf.ones(2, 11)).shape, plus_four(tf.ones(2, 9)).shape, pool_twice(tf.ones(1, 3, 11, 11)).shape,
      strided_then_back(tf.ones(2, 7)).shape)
