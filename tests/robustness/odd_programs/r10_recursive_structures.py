"""Recursive structures: a tree of blocks, mutual recursion, self-calling __call__, cyclic lists."""
from typing import List, Optional

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


class Node:
    def __init__(self, d: int, depth: int) -> None:
        self.fc = Dense(d, d, relu)
        self.child: Optional[Node] = Node(d, depth - 1) if depth > 0 else None

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        y = self.fc(x)
        return y if self.child is None else self.child(y) + y


tree = Node(4, 3)
print(tree(tf.randn(2, 4)).shape)


def even(x: Tensor, n: int) -> Tensor:
    return x if n == 0 else odd(x * 2, n - 1)


def odd(x: Tensor, n: int) -> Tensor:
    return x if n == 0 else even(x + 1, n - 1)


print(Dense(3, 1)(even(tf.randn(2, 3), 5)).shape)


class Recur:
    def __init__(self) -> None:
        self.fc = Dense(4, 4)

    def __call__(self, x: tf.Tensor, n: int = 3) -> tf.Tensor:
        return x if n == 0 else self(self.fc(x), n - 1)


print(Recur()(tf.randn(1, 4)).shape)
cyc: List[object] = [Dense(2, 2)]
cyc.append(cyc)
print(len(cyc))
deep = Dense(3, 3)
for _ in range(60):
    deep = Chain(deep, relu)
print(deep(tf.randn(1, 3)).shape)
nest = Chain(Chain(Chain(Chain(Chain(Dense(2, 2))))))
print(Chain(*nest.layers, *Chain(Dense(2, 5)).layers)(tf.randn(1, 2)).shape)


def forever(x: Tensor) -> Tensor:
    while True:
        x = x * 0.5
        if float(x.abs().max().item()) < 1e-3:
            return x


print(Dense(3, 1)(forever(tf.randn(2, 3))).shape)


def gen_layers(n: int):
    for i in range(n):
        yield Dense(4, 4)


print(Chain(*gen_layers(3))(tf.randn(1, 4)).shape)
