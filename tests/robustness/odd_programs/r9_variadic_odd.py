"""Variadic dims in odd places: an empty run (a rank-1 call), a run between two named dims,
a run in a return only through a helper, nested generic calls, and an Unpack alias."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Bs = TypeVarTuple("Bs")
N = TypeVar("N", bound=int)
C = TypeVar("C", bound=int)


@tf.shapecheck
def last_norm(x: Tensor[Unpack[Bs], N]) -> Tensor[Unpack[Bs], N]:
    return x / tf.sqrt((x * x).sum(axis=-1, keepdims=True) + 1e-6)


@tf.shapecheck
def middle(x: Tensor[C, Unpack[Bs], N]) -> Tensor[C, Unpack[Bs]]:
    return x.sum(axis=-1)


@tf.shapecheck
def twice(x: Tensor[Unpack[Bs], N]) -> Tensor[Unpack[Bs], N]:
    return last_norm(last_norm(x))


print(last_norm(tf.randn(5)).shape, last_norm(tf.randn(2, 3, 4, 5)).shape,
      middle(tf.randn(3, 4)).shape, middle(tf.randn(3, 2, 2, 4)).shape, twice(tf.randn(2, 7)).shape)
