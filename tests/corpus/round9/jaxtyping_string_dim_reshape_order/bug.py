"""jaxtyping's `"2*n"` input split into pairs, translated: the reshape put the pair axis
first, so the result is (2, n), not (n, 2)."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)


@tf.shapecheck
def pairs(x: Tensor["2*N"]) -> Tensor[N, 2]:
    return x.reshape(2, -1)  # BUG  # E: Return shape Tensor[2, N] does not match the annotation Tensor[N, 2]: axis 0 is 2, expected N  [shape]


print(pairs(tf.arange(8) * 1.0).shape)
