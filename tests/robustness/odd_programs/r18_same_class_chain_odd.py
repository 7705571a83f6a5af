"""Odd but valid (round 18's crash hunt): Chains of one user class in odd ways: the same instance twice, a partial of the class, a classmethod constructor, keyword construction, __call__ = forward, a class redefined later in the module, a Chain of Chains of the class via map, and a block whose width is a default argument."""
from __future__ import annotations
import functools
import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


class Block:
    def __init__(self, cin: int, cout: int = 16) -> None:
        self.fc = Dense(cin, cout)

    @classmethod
    def square(cls, d: int) -> Block:
        return cls(d, d)

    def forward(self, x: Tensor) -> Tensor:
        return relu(self.fc(x))

    __call__ = forward


x = tf.randn(2, 16)
same = Block(16, 16)
a = Chain(same, same, Block(16, 8))
b = Chain(functools.partial(Block, 16)(32), Block(32, 8))
c = Chain(Block.square(16), Block(cin=16, cout=8))
d = Chain(*map(lambda io: Block(*io), [(16, 8), (8, 8)]))
e = Chain(Block(16), Block(16, 8))
print(a(x).shape, b(x).shape, c(x).shape, d(x).shape, e(x).shape)


class Block:  # type: ignore[no-redef]
    def __init__(self, cin: int) -> None:
        self.fc = Dense(cin, 3)

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


f = Chain(Block(16))
print(f(x).shape)
