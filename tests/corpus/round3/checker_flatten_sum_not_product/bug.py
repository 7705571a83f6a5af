"""(pyrefly check_symbolic_binding) reshape(-1) of an N x M tensor has N*M elements, the
annotation says N+M."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def flat(x: Tensor[N, M]) -> Tensor["N+M"]:
    return x.reshape(-1)  # BUG  # E: Return shape Tensor[M*N] does not match the annotation Tensor[M + N]: axis 0 is M*N, expected M + N  [shape]


print(flat(tf.randn(3, 4)).shape)
