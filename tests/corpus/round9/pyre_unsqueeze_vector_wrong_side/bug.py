"""Pyre's `unsqueeze` test, translated: a matrix-vector product through a column vector;
the vector was made a row."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def matvec(m: Tensor[N, M], v: Tensor[M]) -> Tensor[N]:
    return (m @ tf.unsqueeze(v, 0))[:, 0]  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[N, M], w has Tensor[1, M]; need x.shape[-1] == w.shape[-2] (M vs 1); did you mean to transpose w (w.T)?  [shape]


print(matvec(tf.randn(3, 4), tf.randn(4)).shape)
