"""Class-level Final sizes used in the class's own method annotations and bodies."""
from typing import ClassVar, Final, TypeVar

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class Block:
    D: Final = 16
    HID: Final = 4 * D
    count: ClassVar[int] = 0

    def __init__(self) -> None:
        self.norm = LayerNorm(Block.D)
        self.up = Dense(self.D, self.HID)
        self.down = Dense(Block.HID, Block.D)
        Block.count += 1

    @tf.shapecheck
    def __call__(self, x: Tensor[B, T, D]) -> Tensor[B, T, D]:
        return x + self.down(self.up(self.norm(x)))


class Head:
    D: Final = 16
    OUT: Final = 3

    def __init__(self) -> None:
        self.fc = Dense(self.D, self.OUT)

    def __call__(self, x: Tensor[B, T, "D"]) -> Tensor[B, T, OUT]:
        return self.fc(x)


h = Head()(Block()(tf.randn(2, 5, Block.D)))
print(h.shape, Block.count)
