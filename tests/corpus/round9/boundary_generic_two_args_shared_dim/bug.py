"""A generic residual helper shares one width between the input and the branch's output; the
branch widens it."""
from typing import Callable, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, gelu

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def residual(x: Tensor[B, D], fx: Tensor[B, D]) -> Tensor[B, D]:
    return x + fx


ff = Dense(32, 128, gelu)
x = tf.randn(4, 32)
y = residual(x, ff(x))  # BUG  # E: Dim "D" differs for "residual": argument "x" gives D = 32, argument "fx" gives D = 128; need one size for D (32 vs 128)  [shape]  # N: B=4, D=32
print(y.shape)
