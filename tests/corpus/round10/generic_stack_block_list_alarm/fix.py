"""A model class generic in its width runs a list of blocks built from the constructor's int;
the classifier after it was sized for half the width. The loop is correct for every width (it
runs) but is reported."""
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
            x = blk(x)  # ALARM[gap flow: the per-construction check of a shaped __call__ keeps the class's D rigid while the blocks carry the construction's 16 (D is bound to 16 by d: D)]  # E: Dense(16 => 16) expects input Tensor[..., 16], got Tensor[B, D]; need size 16 at axis -1 (got D)  [shape]  # N: with the layers Stack(16, 3) builds (line 23)
        return x


stack = Stack(16, 3)
head = Dense(16, 2)
print(head(stack(tf.randn(2, 16))).shape)
