"""Pyre's generic `Linear(Generic[InF, OutF])` test: the layer's weight (OutF, InF) binds both
sizes where it is built; it was then called on inputs of the output width."""
from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
InF = TypeVar("InF", bound=int)
OutF = TypeVar("OutF", bound=int)


class Linear(Generic[InF, OutF]):
    def __init__(self, weight: Tensor[OutF, InF]) -> None:
        self.weight = weight

    @tf.shapecheck
    def __call__(self, x: Tensor[B, InF]) -> Tensor[B, OutF]:
        return x @ self.weight.T


lin = Linear(tf.randn(8, 4))
y = lin(tf.randn(2, 8))  # BUG  # E: Argument "x" of "Linear.__call__" has shape Tensor[2, 8], which does not match the annotation Tensor[B, 4]: axis 1 is 8, expected 4  [shape]  # N: B=2
print(y.shape)
