"""A user layer concatenating a feature with its square doubles the width (annotated
Tensor[B, N] -> Tensor[B, 2*N]); the Dense after it expects the old width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class WithSquares:
    def __call__(self, x: Tensor[B, N]) -> Tensor[B, "2*N"]:
        return tf.concat([x, x * x], axis=1)


model = Chain(
    Dense(10, 16, relu),
    WithSquares(),
    Dense(32, 4),
)
print(model(tf.randn(3, 10)).shape)
