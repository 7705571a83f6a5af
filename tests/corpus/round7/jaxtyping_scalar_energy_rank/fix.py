"""Translated from jaxtyping's scalar tests: an energy summed per sample returned where a
scalar is declared."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def energy(x: Tensor[B, D]) -> Tensor[()]:
    return (x**2).sum()


print(energy(tf.ones(3, 4)).item())
