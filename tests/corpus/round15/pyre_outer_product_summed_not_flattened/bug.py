"""Pyre's `Product`: the flattened outer product of Tensor[N] and Tensor[M] is Tensor[N*M]; it
was summed over the first axis instead of flattened."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
M = TypeVar("M", bound=int)


@tf.shapecheck
def outer_flat(x: Tensor[N], y: Tensor[M]) -> Tensor["N*M"]:
    return (x[:, None] * y[None, :]).sum(axis=0)  # BUG  # E: Return shape Tensor[M] does not match the annotation Tensor[M*N]: axis 0 is M, expected M*N  [shape]


print(outer_flat(tf.randn(3), tf.randn(4)).shape)
