"""jaxtyping's symbolic dims: `Float[Array, "n"] -> Float[Array, "2*n"]` (its test concatenates
x with itself); translated with a string dim, the body joined three copies."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)


@tf.shapecheck
def doubled(x: Tensor[N]) -> Tensor["2*N"]:
    return tf.cat(x, x)


print(doubled(tf.randn(5)).shape)
