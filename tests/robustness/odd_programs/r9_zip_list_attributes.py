"""A block class looping over zip of its list attributes: lists of different lengths (zip
stops at the shorter), a zip of three, zip with a range, enumerate of a zip, and lists
appended in __init__."""
from typing import List

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, relu


class Tower:
    def __init__(self, width: int, depth: int) -> None:
        self.ffs = [Dense(width, width, relu) for _ in range(depth)]
        self.norms = [LayerNorm(width) for _ in range(depth + 1)]
        self.gates: List[Dense] = []
        for _ in range(depth):
            self.gates.append(Dense(width, width, tf.sigmoid))

    def __call__(self, x: Tensor) -> Tensor:
        for ff, norm in zip(self.ffs, self.norms):
            x = x + ff(norm(x))
        for ff, norm, gate in zip(self.ffs, self.norms, self.gates):
            x = x * gate(norm(x)) + ff(x)
        for i, (ff, _) in enumerate(zip(self.ffs, range(10))):
            x = ff(x) if i % 2 else x
        return self.norms[-1](x)


t = Tower(16, 3)
print(t(tf.randn(4, 16)).shape, Tower(8, 0)(tf.randn(2, 8)).shape)
