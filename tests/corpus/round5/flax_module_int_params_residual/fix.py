"""A Flax-style block whose sizes come from __init__ parameters; the residual width is wrong."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, gelu

B = TypeVar("B", bound=int)


class FeedForward:
    def __init__(self, d: int, hidden: int) -> None:
        self.norm = LayerNorm(d)
        self.up = Dense(d, hidden, gelu)
        self.down = Dense(hidden, d)

    def __call__(self, x: Tensor[B, 32]) -> Tensor[B, 32]:
        return x + self.down(self.up(self.norm(x)))


block = FeedForward(32, 128)
print(block(tf.randn(4, 32)).shape)
