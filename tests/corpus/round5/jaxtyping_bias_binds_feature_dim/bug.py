"""jaxtyping-style: a bias of the time length passed where the feature dim is bound."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def add_bias(x: Tensor[B, T, D], b: Tensor[D]) -> Tensor[B, T, D]:
    return x + b


x = tf.randn(2, 10, 16)
print(add_bias(x, tf.zeros(10)).shape)  # BUG  # E: Dim "D" differs for "add_bias": argument "x" gives D = 16, argument "b" gives D = 10; need one size for D (16 vs 10)  [shape]  # N: B=2, T=10, D=16
