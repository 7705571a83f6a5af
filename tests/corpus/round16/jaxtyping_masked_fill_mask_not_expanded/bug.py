"""jaxtyping's `Bool[Array, "b t"]` mask over `Float[Array, "b t d"]` features: a masked fill
needs the mask's trailing unit axis to meet the features."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


def zero_padding(x: Tensor[B, T, D], keep: Tensor[B, T]) -> Tensor[B, T, D]:
    return tf.where(keep > 0, x, 0.0)  # BUG  # E: Cannot broadcast for "where": cond has Tensor[B, T], x has Tensor[B, T, D]; need equal sizes or 1 at axis -2 (B vs T); did you mean cond[..., None] (or keepdims=True where cond was reduced)?  [shape]


print(zero_padding(tf.randn(2, 7, 4), tf.ones(2, 7)).shape)
