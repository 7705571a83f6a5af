"""(pyrefly tensor_generic_exprs) flatten then duplicate: 3*4*2 = 24, not 12."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
K = TypeVar("K", bound=int)


def flatten_to_1d(x: Tensor[N, M]) -> Tensor["N*M"]:
    return x.reshape(-1)


def duplicate(x: Tensor[K]) -> Tensor["K*2"]:
    return tf.concat([x, x])


@tf.shapecheck
def features(x: Tensor[3, 4]) -> Tensor[12]:
    flat = flatten_to_1d(x)
    return flat


print(features(tf.randn(3, 4)).shape)
