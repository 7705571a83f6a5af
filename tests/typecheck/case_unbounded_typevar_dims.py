"""A TypeVar declared without a bound (`N = TypeVar("N")`, as pyright's and PEP 646's samples
write it) used as a dim is a dim: mypy binds it per call and checks it as `@tf.shapecheck`
does (it was refused: `Type variable "N" is used as a dim but is not bound to int`, while the
run time bound it). A TypeVar bound to another type is still refused
(tests/typecheck/case_annotations.py).
"""

from typing import Literal, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Dense, Tensor

N = TypeVar("N")
M = TypeVar("M")


@tf.shapecheck
def project(x: Tensor[N, Literal[4]]) -> Tensor[N, Literal[2]]:
    return Dense(4, 2)(x)


@tf.shapecheck
def pair(x: Tensor[N, M], y: Tensor[N, M]) -> Tensor[N, "2*M"]:
    return tf.cat(x, y, axis=1)


@tf.shapecheck
def wrong(x: Tensor[N, Literal[4]]) -> Tensor[N, Literal[3]]:
    return Dense(4, 2)(x)  # E: Return shape Tensor[N, 2] does not match the annotation Tensor[N, 3]: axis 1 is 2, expected 3  [shape]


reveal_type(project(tf.randn(5, 4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[2]]"
reveal_type(pair(tf.randn(2, 3), tf.randn(2, 3)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[6]]"
project(tf.randn(5, 3))  # E: Argument "x" of "project" has shape Tensor[5, 3], which does not match the annotation Tensor[N, 4]: axis 1 is 3, expected 4  [shape]  # N: N=5
pair(tf.randn(2, 3), tf.randn(2, 4))  # E: Dim "M" differs for "pair": argument "x" gives M = 3, argument "y" gives M = 4; need one size for M (3 vs 4)  [shape]  # N: N=2, M=3
wrong(tf.randn(5, 4))
