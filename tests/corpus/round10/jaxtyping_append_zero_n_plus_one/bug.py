"""jaxtyping's symbolic-expression dims (`Float[Array, "n+1"]`), translated: appending a
padding element to a vector; two zeros were appended."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)


@tf.shapecheck
def append_zero(x: Tensor[N]) -> Tensor["N+1"]:
    return tf.cat(x, tf.zeros(2))  # BUG  # E: Return shape Tensor[N + 2] does not match the annotation Tensor[N + 1]: axis 0 is N + 2, expected N + 1  [shape]


print(append_zero(tf.randn(5)).shape)
