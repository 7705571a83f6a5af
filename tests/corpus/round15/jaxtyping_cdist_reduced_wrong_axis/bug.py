"""jaxtyping's pairwise distances (`Float[Array, "n d"]`, `Float[Array, "m d"]` to
`Float[Array, "n m"]`): the squared differences were summed over y's points, not the features."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def sq_dists(x: Tensor[N, D], y: Tensor[M, D]) -> Tensor[N, M]:
    diff = x[:, None, :] - y[None, :, :]
    return (diff * diff).sum(axis=1)  # BUG  # E: Return shape Tensor[N, D] does not match the annotation Tensor[N, M]: axis 1 is D, expected M  [shape]


print(sq_dists(tf.randn(4, 3), tf.randn(6, 3)).shape)
