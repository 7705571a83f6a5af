"""GPflow's `@check_shapes("X: [N, D]", "X2: [M, D]", "return: [N, M]")` on a kernel's K(X, X2);
translated with TypeVars, a squared-exponential kernel built the cross matrix as (M, N)."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def rbf(X: Tensor[N, D], X2: Tensor[M, D]) -> Tensor[N, M]:
    sq = (X * X).sum(axis=1, keepdims=True) - 2 * (X @ X2.T) + (X2 * X2).sum(axis=1)
    return tf.exp(-0.5 * sq)


print(rbf(tf.randn(5, 2), tf.randn(3, 2)).shape)
