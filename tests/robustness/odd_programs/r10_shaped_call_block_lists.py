"""Shaped __call__ over block lists built from the constructor's values, with enumerate, zip, branches."""
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, relu

B = TypeVar("B", bound=int)


class Pyramid:
    def __init__(self, widths: Tuple[int, ...]) -> None:
        self.layers = [Dense(a, b) for a, b in zip(widths[:-1], widths[1:])]
        self.norms = [LayerNorm(b) for b in widths[1:]]

    def __call__(self, x: Tensor[B, 8]) -> Tensor[B, 2]:
        for i, (lin, ln) in enumerate(zip(self.layers, self.norms)):
            x = ln(lin(x))
            if i < len(self.layers) - 1:
                x = relu(x)
        return x


class Tower:
    def __init__(self, d: int, n: int) -> None:
        self.blocks = [Dense(d, d) for _ in range(n)]
        self.out = Dense(d, 2)

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 2]:
        for i, blk in enumerate(self.blocks):
            x = x + blk(x) if i % 2 else blk(x)
        return self.out(x)


class Alt:
    def __init__(self, d: int) -> None:
        self.a = [Dense(d, 2 * d) for _ in range(2)]
        self.b = [Dense(2 * d, d) for _ in range(2)]

    def __call__(self, x: Tensor[B, 4]) -> Tensor[B, 4]:
        for up, down in zip(self.a, self.b):
            x = down(relu(up(x)))
        return x


print(Pyramid((8, 16, 4, 2))(tf.randn(3, 8)).shape, Tower(16, 3)(tf.randn(3, 16)).shape, Alt(4)(tf.randn(2, 4)).shape)
