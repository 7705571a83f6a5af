"""jaxtyping's `Float[Array, "b i"]`, `Float[Array, "b j"]` to `Float[Array, "b i*j"]`: the
batched outer product's einsum dropped j from the output, summing it away."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
I = TypeVar("I", bound=int)
J = TypeVar("J", bound=int)


@tf.shapecheck
def outer_features(u: Tensor[B, I], v: Tensor[B, J]) -> Tensor[B, "I*J"]:
    return tf.einsum("bi,bj->bij", u, v).reshape(u.shape[0], -1)


print(outer_features(tf.randn(2, 3), tf.randn(2, 5)).shape)
