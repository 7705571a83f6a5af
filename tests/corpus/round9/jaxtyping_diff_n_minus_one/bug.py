"""jaxtyping's `Float[Array, "n-1"]` for a finite difference, translated: a second-order
stencil (x[2:] - x[:-2]) has n-2 entries."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)


@tf.shapecheck
def diff(x: Tensor[N]) -> Tensor["N-1"]:
    return x[2:] - x[:-2]  # BUG[gap checker: a slice by a constant above 1 of a symbolic dim (x[2:] of Tensor[N]) has an unknown size, so N - 2 is not compared with the annotation N - 1 (x[1:] is N - 1)]


print(diff(tf.arange(10) * 1.0).shape)
