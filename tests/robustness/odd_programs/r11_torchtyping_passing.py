"""torchtyping's passing tests translated: '...' in the middle and at the ends, scalars through a
variadic run, fixed sizes beside named ones, the same name across several arguments."""
from typing import Literal, Tuple, TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
X = TypeVar("X", bound=int)
Bs = TypeVarTuple("Bs")


@tf.shapecheck
def middle(x: Tensor[B, Unpack[Bs], C]) -> Tensor[B, C]:
    return x.reshape(x.shape[0], -1, x.shape[-1]).mean(axis=1)


@tf.shapecheck
def ends(x: Tensor[Unpack[Bs]]) -> Tensor[()]:
    return x.sum()


@tf.shapecheck
def fixed_named(x: Tensor[B, Literal[3], X], y: Tensor[X, Literal[3]]) -> Tensor[B, Literal[3], Literal[3]]:
    return x @ y


@tf.shapecheck
def same_name(a: Tensor[X], b: Tensor[X], c: Tensor[X, X]) -> Tuple[Tensor[X], Tensor[X, X]]:
    return a + b, c + a


print(middle(tf.randn(2, 3, 4, 5)).shape, middle(tf.randn(2, 5)).shape, ends(tf.tensor(3.0)).shape,
      ends(tf.randn(2, 2)).shape, fixed_named(tf.randn(2, 3, 4), tf.randn(4, 3)).shape,
      same_name(tf.ones(3), tf.ones(3), tf.ones(3, 3))[1].shape)
