"""A model class generic in its width runs a list of blocks built from the constructor's int;
the classifier after it was sized for half the width. The loop is correct for every width (it
runs; it was reported, fixed since: flow_calls.py does not re-check a __call__ that uses
the class's own type variable)."""
from typing import Generic, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)


class Stack(Generic[D]):
    def __init__(self, d: D, depth: int) -> None:
        self.blocks = [Dense(d, d) for _ in range(depth)]

    def __call__(self, x: Tensor[B, D]) -> Tensor[B, D]:
        for blk in self.blocks:
            x = blk(x)
        return x


stack = Stack(16, 3)
head = Dense(8, 2)
print(head(stack(tf.randn(2, 16))).shape)  # BUG  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[2, 16]; need size 8 at axis -1 (got 16)  [shape]
