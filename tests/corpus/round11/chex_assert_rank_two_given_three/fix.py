"""chex's `assert_rank(x, 2)` test, translated to an annotation: a pairwise-distance function
takes a (N, D) matrix; a batch of them was passed."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def pairwise_sq_dists(x: Tensor[N, D]) -> Tensor[N, N]:
    sq = (x * x).sum(axis=1, keepdims=True)
    return sq + sq.T - 2 * (x @ x.T)


pts = tf.randn(2, 5, 3)
print(pairwise_sq_dists(pts[0]).shape)
