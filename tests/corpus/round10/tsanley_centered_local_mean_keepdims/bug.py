"""tsanley's annotated locals in a generic function (`xc: 'b,t,d'`), translated: centring over
time subtracts a mean taken without keepdims, which no longer lines up with the time axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def center(x: Tensor[B, T, D]) -> Tensor[B, T, D]:
    xc: Tensor[B, T, D] = x - x.mean(axis=1)  # BUG  # E: Cannot broadcast for "sub": x has Tensor[B, T, D], y has Tensor[B, D]; need equal sizes or 1 at axis -2 (T vs B)  [shape]
    return xc


print(center(tf.randn(2, 5, 3)).shape)
