"""mypy's TypeVarTuple tests: `def f(x: Array[int, *Ts]) -> Array[*Ts]` needs at least one
dim; translated with a batch-dropping helper called on a flattened scalar loss."""
from typing import TypeVar, TypeVarTuple

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
Ts = TypeVarTuple("Ts")


@tf.shapecheck
def per_example(x: Tensor[N, *Ts]) -> Tensor[*Ts]:
    return x.mean(axis=0)


losses = (tf.randn(8, 3) ** 2).mean()
print(per_example(losses).shape)  # BUG  # E: Argument "x" of "per_example" has shape Tensor[()], which does not match the annotation Tensor[N, *Ts]: rank is 0, expected at least 1 dimension  [shape]
