"""A recursive tree of blocks: a class that builds instances of itself."""
from typing import Optional

import typedflux as tf
from typedflux import Dense


class Node:
    def __init__(self, depth: int) -> None:
        self.proj = Dense(4, 4)
        self.child: Optional[Node] = Node(depth - 1) if depth > 0 else None

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.proj(x)
        return self.child(h) if self.child is not None else h


print(Node(3)(tf.randn(2, 4)).shape)
