"""Pyre's tensor-shape tests' generic Linear(Generic[InF, OutF]) whose weight is annotated
Tensor[OutF, InF] in the class body, built by a classmethod from a weight tensor, and two of
them chained: the second layer's InF must be the first layer's OutF."""
from __future__ import annotations

from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
InF = TypeVar("InF", bound=int)
OutF = TypeVar("OutF", bound=int)


class Linear(Generic[InF, OutF]):
    weight: Tensor[OutF, InF]

    def __init__(self, weight: Tensor[OutF, InF]) -> None:
        self.weight = weight

    @classmethod
    def from_weight(cls, weight: Tensor[OutF, InF]) -> Linear[InF, OutF]:
        return cls(weight)

    @tf.shapecheck
    def __call__(self, x: Tensor[B, InF]) -> Tensor[B, OutF]:
        return x @ self.weight.T


l1 = Linear.from_weight(tf.randn(8, 4))
l2 = Linear.from_weight(tf.randn(3, 8))
x = tf.randn(2, 4)
y = l2(l1(x))
print(y.shape)
