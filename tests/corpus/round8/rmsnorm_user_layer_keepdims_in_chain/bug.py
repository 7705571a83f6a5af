"""An RMSNorm written as a user layer with a typed __call__, used in a Chain; its mean of
squares lost the feature axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, gelu

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


class RMSNorm:
    @tf.shapecheck
    def __call__(self, x: Tensor[B, T, D]) -> Tensor[B, T, D]:
        return x / tf.sqrt((x * x).mean(axis=-1) + 1e-6)  # BUG  # E: Cannot broadcast for "div": x has Tensor[B, T, D], y has Tensor[B, T]; need equal sizes or 1 at axis -2 (T vs B); did you mean y[..., None] (or keepdims=True where y was reduced)?  [shape]


mlp = Chain(RMSNorm(), Dense(16, 64, gelu), Dense(64, 16))
print(mlp(tf.randn(2, 5, 16)).shape)
