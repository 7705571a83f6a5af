"""Widths from an IntEnum and a Literal-typed mode, a match on enum members choosing layers,
Final constants, and a class whose __init__ reads an enum member's value through self."""
import enum
from typing import Final, Literal

import typedflux as tf
from typedflux import Dense, Tensor


class Width(enum.IntEnum):
    SMALL = 4
    LARGE = 16


HIDDEN: Final = 8


class Model:
    size = Width.SMALL

    def __init__(self, mode: Literal["small", "large"] = "small") -> None:
        w = Width.LARGE if mode == "large" else self.size
        self.inp = Dense(int(w), HIDDEN)
        self.out = Dense(HIDDEN, 2)
        self.w = int(w)

    def __call__(self, x: Tensor) -> Tensor:
        return self.out(self.inp(x))


def pick(w: Width) -> Dense:
    match w:
        case Width.SMALL:
            return Dense(w.value, 1)
        case _:
            return Dense(int(w), 3)


m = Model()
print(m(tf.randn(2, m.w)).shape, Model("large")(tf.randn(2, 16)).shape)
print(pick(Width.SMALL)(tf.randn(1, 4)).shape, pick(Width.LARGE)(tf.randn(1, 16)).shape)
