"""k-nearest-neighbour distances between queries and a reference set: both sets were
expanded on the same axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)
D = TypeVar("D", bound=int)


def pairwise(a: Tensor[N, D], b: Tensor[M, D]) -> Tensor[N, M]:
    diff = a[:, None, :] - b[None, :, :]
    return (diff * diff).sum(axis=-1)


print(pairwise(tf.randn(4, 3), tf.randn(6, 3)).shape)
