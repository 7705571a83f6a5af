"""A feed-forward block class normalises with the hidden width of another model."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class FeedForward:
    def __init__(self) -> None:
        self.norm = LayerNorm(128)
        self.proj = Dense(64, 64)

    def __call__(self, x: Tensor[B, T, 64]) -> Tensor[B, T, 64]:
        return x + self.proj(self.norm(x))  # BUG  # E: LayerNorm(128) expects input Tensor[..., 128], got Tensor[B, T, 64]; need size 128 at axis -1 (got 64)  [shape]


print(FeedForward()(tf.randn(2, 10, 64)).shape)
