"""Two generic helpers chained: the first doubles the width (2*N), the second wants an odd
width (2*N+1, a value plus a bias slot); no N makes them meet."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


@tf.shapecheck
def duplicate(x: Tensor[B, N]) -> Tensor[B, "2*N"]:
    return tf.cat(x, x, axis=-1)


@tf.shapecheck
def split_bias(x: Tensor[B, "2*N+1"]) -> Tensor[B, "2*N"]:
    return x[:, 1:]


print(split_bias(duplicate(tf.randn(3, 4))).shape)  # BUG  # E: Argument "x" of "split_bias" has shape Tensor[3, 8], which does not match the annotation Tensor[B, 2*N + 1]: axis 1 is 8, expected 2*N + 1  [shape]  # N: B=3
