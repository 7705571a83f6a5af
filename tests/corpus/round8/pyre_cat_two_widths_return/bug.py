"""Pyre's tensor tests: torch.cat of Tensor[N, A] and Tensor[N, C] is Tensor[N, A+C]; the
return annotation adds the wrong pair."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
A = TypeVar("A", bound=int)
C = TypeVar("C", bound=int)


@tf.shapecheck
def join(x: Tensor[N, A], y: Tensor[N, C]) -> Tensor[N, "A+C"]:
    return tf.concat([x, y, y], axis=1)  # BUG  # E: Return shape Tensor[N, A + 2*C] does not match the annotation Tensor[N, A + C]: axis 1 is A + 2*C, expected A + C  [shape]


print(join(tf.randn(2, 3), tf.randn(2, 4)).shape)
