"""n2cholas/shapecheck's @check_shapes(("N", "D"), ("D",), out_=("N",)): a row-wise dot
product summed over the wrong axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def rowdot(x: Tensor[N, D], w: Tensor[D]) -> Tensor[N]:
    return (x * w).sum(axis=0)  # BUG  # E: Return shape Tensor[D] does not match the annotation Tensor[N]: axis 0 is D, expected N  [shape]


print(rowdot(tf.randn(5, 3), tf.randn(3)).shape)
