"""Slices dropping a constant number of items from an end of a symbolic axis: `x[2:]`,
`x[:-2]` and `x[1:-1]` of `Tensor[N]` have N - 2 items (as `x[1:]` has N - 1; jaxtyping's
"n-2"), so a stencil of the wrong width is reported where it was an unknown size; an empty slice
is a size 0, which broadcasts with 0 or 1 only. The run time raises the same words (module-level
calls below run each function).
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
T = TypeVar("T", bound=int)


@tf.shapecheck
def second_diff(x: Tensor[N]) -> Tensor["N-1"]:
    return x[2:] - x[:-2]  # E: Return shape Tensor[N - 2] does not match the annotation Tensor[N - 1]: axis 0 is N - 2, expected N - 1  [shape]


@tf.shapecheck
def second_diff_fixed(x: Tensor[N]) -> Tensor["N-2"]:
    return x[2:] - x[:-2]


@tf.shapecheck
def interior(x: Tensor[B, T]) -> Tensor[B, "T-1"]:
    return x[:, 1:-1]  # E: Return shape Tensor[B, T - 2] does not match the annotation Tensor[B, T - 1]: axis 1 is T - 2, expected T - 1  [shape]


@tf.shapecheck
def interior_fixed(x: Tensor[B, T]) -> Tensor[B, "T-2"]:
    return x[:, 1:-1]


@tf.shapecheck
def every_other_inner(x: Tensor[B, T]) -> Tensor[B, "(T+1)//2 - 1"]:
    return x[:, 1:-1:2]


second_diff(tf.arange(10) * 1.0)
second_diff_fixed(tf.arange(10) * 1.0)
interior(tf.randn(2, 7))
interior_fixed(tf.randn(2, 7))
every_other_inner(tf.randn(2, 8))
tf.randn(10)[2:] - tf.randn(10)[1:]  # E: Cannot broadcast for "sub": x has Tensor[8], y has Tensor[9]; need equal sizes or 1 at axis -1 (8 vs 9)  [shape]
tf.randn(10)[2:] - tf.randn(10)[:-2]

# A slice past the end is empty, and an empty axis broadcasts with nothing but 0 or 1 (a size
# 0 was read as an unknown size: a hypernetwork's bias slice of nothing).


def add_bias(x: Tensor[B, 4], params: Tensor[32]) -> Tensor[B, 4]:
    return x + params[32:]  # E: Cannot broadcast for "add": x has Tensor[B, 4], y has Tensor[0]; need equal sizes or 1 at axis -1 (4 vs 0)  [shape]


def add_bias_fixed(x: Tensor[B, 4], params: Tensor[36]) -> Tensor[B, 4]:
    return x + params[32:]


add_bias(tf.randn(10, 4), tf.randn(32))
add_bias_fixed(tf.randn(10, 4), tf.randn(36))
tf.randn(10, 4) + tf.randn(32)[32:]  # E: Cannot broadcast for "add": x has Tensor[10, 4], y has Tensor[0]; need equal sizes or 1 at axis -1 (4 vs 0)  [shape]
tf.randn(10, 4) + tf.randn(36)[32:]
