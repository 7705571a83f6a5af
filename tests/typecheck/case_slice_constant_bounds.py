"""Slices by int bounds of a symbolic axis: ``x[2:]`` of ``Tensor[N]`` is ``N - 2``, the size
whenever ``N >= 2`` (a shorter axis gives 0: ``typedflux.shapes.rules_index.slice_formula``);
``x[:4]`` is 4 and ``x[-2:]`` is 2 once the axis is that long. jaxtyping's ``"n-1"`` finite
differences, translated; the same words at run time."""

from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
B = TypeVar("B", bound=int)


@tf.shapecheck
def second_diff(x: Tensor[N]) -> Tensor["N-1"]:
    return x[2:] - x[:-2]  # E: Return shape Tensor[N - 2] does not match the annotation Tensor[N - 1]: axis 0 is N - 2, expected N - 1  [shape]


@tf.shapecheck
def second_diff_fixed(x: Tensor[N]) -> Tensor["N-2"]:
    return x[2:] - x[:-2]


@tf.shapecheck
def stencil(x: Tensor[B, N]) -> Tensor[B, N]:
    return x[:, 2:] + x[:, 1:]  # E: Cannot broadcast for "add": x has Tensor[B, N - 2], y has Tensor[B, N - 1]; need equal sizes or 1 at axis -1 (N - 2 vs N - 1)  [shape]


@tf.shapecheck
def stencil_fixed(x: Tensor[B, N]) -> Tensor[B, "N-2"]:
    return x[:, 2:] + x[:, 1:-1]


@tf.shapecheck
def crop(x: Tensor[B, N]) -> Tensor[B, "N-2"]:
    return x[:, 2:-2]  # E: Return shape Tensor[B, N - 4] does not match the annotation Tensor[B, N - 2]: axis 1 is N - 4, expected N - 2  [shape]


@tf.shapecheck
def crop_fixed(x: Tensor[B, N]) -> Tensor[B, "N-4"]:
    return x[:, 2:-2]


@tf.shapecheck
def first_rows(x: Tensor[N, 8]) -> Tensor[3, 8]:
    return x[:4]  # E: Return shape Tensor[4, 8] does not match the annotation Tensor[3, 8]: axis 0 is 4, expected 3  [shape]


@tf.shapecheck
def first_rows_fixed(x: Tensor[N, 8]) -> Tensor[3, 8]:
    return x[:3]


@tf.shapecheck
def last_two(x: Tensor[N]) -> Tensor[2]:
    return x[-2:] + x[:2]


v = tf.zeros(10)
w = v[2:] - v[:-1]  # E: Cannot broadcast for "sub": x has Tensor[8], y has Tensor[9]; need equal sizes or 1 at axis -1 (8 vs 9)  [shape]
w_fixed = v[2:] - v[:-2]

second_diff(tf.zeros(10))
second_diff_fixed(tf.zeros(10))
stencil(tf.zeros(2, 10))
stencil_fixed(tf.zeros(2, 10))
crop(tf.zeros(2, 10))
crop_fixed(tf.zeros(2, 10))
first_rows(tf.zeros(6, 8))
first_rows_fixed(tf.zeros(6, 8))
last_two(tf.zeros(5))
