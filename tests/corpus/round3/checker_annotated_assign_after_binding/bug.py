"""(pyrefly typevar_substitution) N is bound to 2 by the argument; the annotated variable
says 4."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)


def centre(x: Tensor[N, 3]) -> Tensor[N, 3]:
    return x - x.mean(axis=0, keepdims=True)


x: Tensor[2, 3] = tf.randn(2, 3)
result: Tensor[4, 3] = centre(x)  # BUG  # E: Assigned shape Tensor[2, 3] does not match the annotation Tensor[4, 3] of "result": axis 0 is 2, expected 4  [shape]
print(result.shape)
