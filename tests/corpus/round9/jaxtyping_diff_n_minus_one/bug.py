"""jaxtyping's `Float[Array, "n-1"]` for a finite difference, translated: a second-order
stencil (x[2:] - x[:-2]) has n-2 entries."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)


@tf.shapecheck
def diff(x: Tensor[N]) -> Tensor["N-1"]:
    return x[2:] - x[:-2]  # BUG  # E: Return shape Tensor[N - 2] does not match the annotation Tensor[N - 1]: axis 0 is N - 2, expected N - 1  [shape]


print(diff(tf.arange(10) * 1.0).shape)
