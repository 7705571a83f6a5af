"""An empty slice is a size 0, which broadcasts with 0 or 1 only (a size 0 in a type was read
as an unknown size: a hypernetwork's bias slice of nothing). The run time raises the same words
(module-level calls below run each function).
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


# A slice past the end is empty, and an empty axis broadcasts with nothing but 0 or 1 (a size
# 0 was read as an unknown size: a hypernetwork's bias slice of nothing).


def add_bias(x: Tensor[B, 4], params: Tensor[32]) -> Tensor[B, 4]:
    return x + params[32:]  # E: Cannot broadcast for "add": x has Tensor[B, 4], y has Tensor[0]; need equal sizes or 1 at axis -1 (4 vs 0)  [shape]


def add_bias_fixed(x: Tensor[B, 4], params: Tensor[36]) -> Tensor[B, 4]:
    return x + params[32:]


add_bias(tf.randn(10, 4), tf.randn(32))
add_bias_fixed(tf.randn(10, 4), tf.randn(36))
tf.randn(10, 4) + tf.randn(32)[32:]  # E: Cannot broadcast for "add": x has Tensor[10, 4], y has Tensor[0]; need equal sizes or 1 at axis -1 (4 vs 0)  [shape]
tf.randn(10, 4) + tf.randn(36)[32:]
