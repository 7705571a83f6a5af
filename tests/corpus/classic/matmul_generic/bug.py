"""Pairwise similarities of two point sets, generic over their sizes, forget the transpose."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
D = TypeVar("D", bound=int)


def similarity(a: Tensor[N, D], b: Tensor[M, D]) -> Tensor[N, M]:
    return a @ b  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[N, D], w has Tensor[M, D]; need x.shape[-1] == w.shape[-2] (D vs M); did you mean to transpose w (w.T)?  [shape]


print(similarity(tf.randn(3, 4), tf.randn(5, 4)).shape)
