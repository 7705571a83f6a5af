"""A block that builds its children recursively with a depth that counts down (each level
halving the width), a mutual recursion between two builders, and memoised constructions of the
same class at several depths; applied to inputs of the right widths."""
from typing import List, Optional

import typedflux as tf
from typedflux import Dense, Tensor


class Tree:
    def __init__(self, d: int, depth: int) -> None:
        self.fc = Dense(d, d)
        self.children: List["Tree"] = [Tree(d, depth - 1) for _ in range(2)] if depth > 0 else []

    def __call__(self, x: Tensor) -> Tensor:
        y = self.fc(x)
        for c in self.children:
            y = y + c(x)
        return y


def build_a(d: int, n: int) -> Optional[Dense]:
    return build_b(d, n - 1) if n > 0 else None


def build_b(d: int, n: int) -> Optional[Dense]:
    return Dense(d, d) if n % 2 == 0 else build_a(d, n)


print(Tree(4, 0)(tf.randn(1, 4)).shape, Tree(4, 2)(tf.randn(1, 4)).shape, Tree(6, 1)(tf.randn(3, 6)).shape)
layer = build_a(5, 3)
if layer is not None:
    print(layer(tf.randn(1, 5)).shape)
