"""jaxtyping's `"2*n"` input split into pairs, translated: the reshape put the pair axis
first, so the result is (2, n), not (n, 2)."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)


@tf.shapecheck
def pairs(x: Tensor["2*N"]) -> Tensor[N, 2]:
    return x.reshape(-1, 2)


print(pairs(tf.arange(8) * 1.0).shape)
