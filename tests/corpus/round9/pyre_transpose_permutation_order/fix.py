"""Pyre's `permute` test, translated: reversing (A, B, C) is the permutation (2, 1, 0); the
axes (2, 0, 1) rotate them instead."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

A = TypeVar("A", bound=int)
Bd = TypeVar("Bd", bound=int)
C = TypeVar("C", bound=int)


@tf.shapecheck
def reverse_axes(x: Tensor[A, Bd, C]) -> Tensor[C, Bd, A]:
    return tf.transpose(x, 2, 1, 0)


print(reverse_axes(tf.randn(2, 3, 4)).shape)
