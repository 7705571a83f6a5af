"""A Flax-style block whose sizes come from __init__ parameters; the residual width is wrong."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, gelu

B = TypeVar("B", bound=int)


class FeedForward:
    def __init__(self, d: int, hidden: int) -> None:
        self.norm = LayerNorm(d)
        self.up = Dense(d, hidden, gelu)
        self.down = Dense(hidden, hidden)

    def __call__(self, x: Tensor[B, 32]) -> Tensor[B, 32]:
        return x + self.down(self.up(self.norm(x)))  # BUG  # E: Cannot broadcast for "add": x has Tensor[B, 32], y has Tensor[B, 128]; need equal sizes or 1 at axis -1 (32 vs 128)  [shape]  # N: with the layers FeedForward(32, 128) builds (line 20)


block = FeedForward(32, 128)
print(block(tf.randn(4, 32)).shape)
