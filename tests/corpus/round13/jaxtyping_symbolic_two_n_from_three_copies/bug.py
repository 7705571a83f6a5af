"""jaxtyping's symbolic dims: `Float[Array, "n"] -> Float[Array, "2*n"]` (its test concatenates
x with itself); translated with a string dim, the body joined three copies."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)


@tf.shapecheck
def doubled(x: Tensor[N]) -> Tensor["2*N"]:
    return tf.cat(x, x, x)  # BUG  # E: Return shape Tensor[3*N] does not match the annotation Tensor[2*N]: axis 0 is 3*N, expected 2*N  [shape]


print(doubled(tf.randn(5)).shape)
