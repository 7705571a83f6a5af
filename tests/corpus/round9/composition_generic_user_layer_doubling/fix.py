"""A user layer class whose typed `__call__` doubles the width (Tensor[B, N] -> Tensor[B,
"2*N"]); the Dense after it kept the input width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class Duplicate:
    def __call__(self, x: Tensor[B, N]) -> Tensor[B, "2*N"]:
        return tf.cat(x, x, axis=-1)


model = Chain(
    Dense(6, 12),
    Duplicate(),
    Dense(24, 2),
)
print(model(tf.randn(3, 6)).shape)
