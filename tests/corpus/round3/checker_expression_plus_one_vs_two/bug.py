"""(pyrefly tensor_subtyping) N+1 rows are not N+2 rows: a sequence with a start token is
returned where the annotation counts start and end tokens."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)


@tf.shapecheck
def add_start(x: Tensor[N, 8]) -> Tensor["N+2", 8]:
    start = tf.zeros(1, 8)
    return tf.concat([start, x], axis=0)  # BUG  # E: Return shape Tensor[N + 1, 8] does not match the annotation Tensor[N + 2, 8]: axis 0 is N + 1, expected N + 2  [shape]


print(add_start(tf.randn(5, 8)).shape)
