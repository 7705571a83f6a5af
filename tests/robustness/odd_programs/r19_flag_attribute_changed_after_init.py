"""a bool/str attribute from __init__ (norm_first / mode) that decides the width in
__call__, changed after construction: by a method, by a module-level write on the instance,
by setattr; the run takes the changed value."""
from __future__ import annotations
import typedflux as tf
from typedflux import Dense, Tensor


class Block:
    def __init__(self, pre: bool) -> None:
        self.pre = pre
        self.fc_a = Dense(4, 8)
        self.fc_b = Dense(4, 6)

    def flip(self) -> None:
        self.pre = not self.pre

    def __call__(self, x: Tensor) -> Tensor:
        if self.pre:
            return self.fc_a(x)
        return self.fc_b(x)


class Moded:
    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.wide = Dense(4, 16)
        self.thin = Dense(4, 2)

    def __call__(self, x: Tensor) -> Tensor:
        if self.mode == "wide":
            return self.wide(x)
        return self.thin(x)


x = tf.zeros(2, 4)
b1 = Block(True)
b1.flip()
print(Dense(6, 1)(b1(x)).shape)
b2 = Block(True)
b2.pre = False
print(Dense(6, 1)(b2(x)).shape)
b3 = Block(False)
setattr(b3, "pre", True)
print(Dense(8, 1)(b3(x)).shape)
m = Moded("wide")
m.mode = "thin"
print(Dense(2, 1)(m(x)).shape)
