"""Reductions inside variadic runs, correct under @tf.shapecheck: a run reshaped away before
the mean, keepdims on the last axis, the first axis reduced, argmax, softmax times std,
logsumexp, a run that may be empty."""
from typing import Literal, Tuple, TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Rs = TypeVarTuple("Rs")
B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)


@tf.shapecheck
def a(x: Tensor[B, Unpack[Rs], C]) -> Tensor[B, C]:
    return x.reshape(x.shape[0], -1, x.shape[-1]).mean(axis=1)


@tf.shapecheck
def b(x: Tensor[Unpack[Rs], C]) -> Tensor[Unpack[Rs], 1]:
    return x.sum(axis=-1, keepdims=True)


@tf.shapecheck
def c(x: Tensor[B, Unpack[Rs]]) -> Tensor[Unpack[Rs]]:
    return x.max(axis=0)


@tf.shapecheck
def d(x: Tensor[Unpack[Rs], C]) -> Tensor[Unpack[Rs], C]:
    m = x.mean(axis=-1, keepdims=True)
    return x - m


@tf.shapecheck
def e(x: Tensor[B, Unpack[Rs], C]) -> Tensor[B, Unpack[Rs]]:
    return tf.argmax(x, axis=-1)


@tf.shapecheck
def f(x: Tensor[Unpack[Rs], C]) -> Tensor[Unpack[Rs], C]:
    return tf.softmax(x, axis=-1) * x.std(axis=-1, keepdims=True)


@tf.shapecheck
def g(x: Tensor[B, Unpack[Rs], C]) -> Tuple[Tensor[B, Unpack[Rs]], Tensor[B, C]]:
    return x.sum(axis=-1), x.reshape(x.shape[0], -1, x.shape[-1]).sum(axis=1)


@tf.shapecheck
def h(x: Tensor[Unpack[Rs], C]) -> Tensor[Unpack[Rs]]:
    return tf.logsumexp(x, axis=-1)


@tf.shapecheck
def i(x: Tensor[B, C, Unpack[Rs]]) -> Tensor[B, C]:
    y = x.reshape(x.shape[0], x.shape[1], -1)
    return y.mean(axis=-1)


@tf.shapecheck
def j(x: Tensor[Unpack[Rs], Literal[3]]) -> Tensor[Unpack[Rs], Literal[3]]:
    n = tf.sqrt((x ** 2).sum(axis=-1, keepdims=True))
    return x / n


print(a(tf.zeros(2, 3, 4, 5)).shape, b(tf.zeros(5)).shape, c(tf.zeros(2)).shape, d(tf.zeros(3, 4)).shape,
      e(tf.zeros(2, 3)).shape, f(tf.zeros(4)).shape, g(tf.zeros(2, 3))[0].shape, h(tf.zeros(2, 3, 4)).shape,
      i(tf.zeros(2, 3)).shape, j(tf.zeros(7, 3)).shape)
