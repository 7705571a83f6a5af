"""Generic 2*N expand/contract functions composed in the wrong order."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


def expand(x: Tensor[B, N]) -> Tensor[B, "2*N"]:
    return tf.concat([x, x * 2], axis=1)


def contract(x: Tensor[B, "2*N"]) -> Tensor[B, N]:
    a, b = tf.chunk(x, 2, axis=1)
    return a + b


def roundtrip(x: Tensor[B, N]) -> Tensor[B, N]:
    return contract(expand(x))


@tf.shapecheck
def wrong(x: Tensor[B, N]) -> Tensor[B, N]:
    return contract(expand(contract(expand(x))))


print(roundtrip(tf.zeros(3, 5)).shape, wrong(tf.zeros(3, 5)).shape)
